package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of validators by name, loaded once through {@link ServiceLoader}. Thread-safe. */
public final class Validators {
  private static final Map<String, ValidatorProvider> PROVIDERS = load();

  private Validators() {}

  private static Map<String, ValidatorProvider> load() {
    Map<String, ValidatorProvider> map = new TreeMap<>();
    for (ValidatorProvider p : ServiceLoader.load(ValidatorProvider.class, Validators.class.getClassLoader())) {
      ValidatorProvider previous = map.putIfAbsent(p.name(), p);
      if (previous != null) {
        throw new IllegalStateException("two validators named '" + p.name() + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return map;
  }

  /** Whether a validator of that name exists. */
  public static boolean exists(String name) {
    return PROVIDERS.containsKey(name);
  }

  /** The names of all registered validators, sorted. */
  public static java.util.Set<String> names() {
    return PROVIDERS.keySet();
  }

  /** A validator for these settings; throws {@link IllegalArgumentException} naming an unknown validator. */
  public static Validator create(String name, ScanSettings settings) {
    ValidatorProvider p = PROVIDERS.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown validator '" + name + "' (known: " + PROVIDERS.keySet() + ")");
    }
    return p.create(settings);
  }
}

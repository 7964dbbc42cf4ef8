package dev.lagotto.core.pattern;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of {@link CustomMatcher}s by name, loaded once through {@link ServiceLoader}. Thread-safe.
 * Two providers with one name are an error at class initialisation.
 */
public final class CustomMatchers {
  private static final Map<String, CustomMatcher> MATCHERS = load();

  private CustomMatchers() {}

  private static Map<String, CustomMatcher> load() {
    Map<String, CustomMatcher> map = new TreeMap<>();
    for (CustomMatcher m : ServiceLoader.load(CustomMatcher.class, CustomMatchers.class.getClassLoader())) {
      CustomMatcher previous = map.putIfAbsent(m.name(), m);
      if (previous != null) {
        throw new IllegalStateException("two custom matchers named '" + m.name() + "': "
            + previous.getClass().getName() + " and " + m.getClass().getName());
      }
    }
    return map;
  }

  /** Whether a matcher of that name is registered. */
  public static boolean exists(String name) {
    return MATCHERS.containsKey(name);
  }

  /** The registered names, sorted. */
  public static Set<String> names() {
    return MATCHERS.keySet();
  }

  /** The matcher of that name; throws {@link IllegalArgumentException} naming an unknown one. */
  public static CustomMatcher get(String name) {
    CustomMatcher m = MATCHERS.get(name);
    if (m == null) {
      throw new IllegalArgumentException("unknown matcher '" + name + "' (known: " + MATCHERS.keySet() + ")");
    }
    return m;
  }
}

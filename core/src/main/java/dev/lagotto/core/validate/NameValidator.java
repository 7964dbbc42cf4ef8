package dev.lagotto.core.validate;

import dev.lagotto.core.names.NameDictionary;
import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code name}: the match is a first name or a surname of the default {@link NameDictionary} (any
 * case, folded Latin letters), or a hyphenated pair of them ({@code Smith-Jones}); for single-token values of
 * name columns and keys, where the context says "name" and the dictionary keeps out {@code N/A},
 * {@code Unknown}, {@code Test}. Cost: one or two hash probes; the dictionary is loaded on first use.
 * Immutable and thread-safe.
 */
public final class NameValidator implements Validator, ValidatorProvider {
  public static final String NAME = "name";
  private static final int NAME_FLAGS = NameDictionary.FIRST | NameDictionary.SURNAME;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return this;
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    NameDictionary names = NameDictionary.defaults();
    if ((names.flags(bytes, start, end) & NAME_FLAGS) != 0) {
      return 1;
    }
    for (int i = start + 1; i < end - 1; i++) {
      if (bytes[i] == '-') {
        return (names.flags(bytes, start, i) & NAME_FLAGS) != 0 && (names.flags(bytes, i + 1, end) & NAME_FLAGS) != 0
            ? 1 : 0;
      }
    }
    return 0;
  }
}

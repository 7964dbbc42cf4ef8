package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Creates a named {@link Validator} for given scan settings. Registered through
 * {@code META-INF/services/dev.lagotto.core.validate.ValidatorProvider}.
 */
public interface ValidatorProvider {
  /** The name rules use, e.g. {@code luhn}. */
  String name();

  Validator create(ScanSettings settings);
}

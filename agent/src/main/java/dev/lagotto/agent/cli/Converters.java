package dev.lagotto.agent.cli;

import dev.lagotto.agent.support.ConfigValues;
import dev.lagotto.core.rule.Category;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters; picocli names the option in their error messages (exit code 2). */
final class Converters {
  private Converters() {}

  /** A size such as {@code 512}, {@code 64K}, {@code 10M}, {@code 2G} (binary units; a trailing {@code B} or {@code iB} is allowed). */
  static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ConfigValues.size(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A category id, e.g. {@code email}. */
  static final class CategoryId implements ITypeConverter<Category> {
    @Override
    public Category convert(String value) {
      return Category.fromId(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new TypeConversionException(
          "unknown category '" + value + "' (known: " + Arrays.stream(Category.values()).map(Category::id)
              .collect(Collectors.joining(", ")) + ")"));
    }
  }
}

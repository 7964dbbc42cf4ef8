package dev.lagotto.agent.cli;

import dev.lagotto.core.rule.Category;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters; picocli names the option in their error messages (exit code 2). */
final class Converters {
  private Converters() {}

  /** A size such as {@code 512}, {@code 64K}, {@code 10M}, {@code 2G} (binary units; a trailing {@code B} or {@code iB} is allowed). */
  static final class Size implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.strip());
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a size (e.g. 512, 64K, 10M, 2G)");
      }
      int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
        case "K" -> 10;
        case "M" -> 20;
        case "G" -> 30;
        case "T" -> 40;
        default -> 0;
      };
      try {
        long n = Long.parseLong(m.group(1));
        if (n > (Long.MAX_VALUE >> shift)) {
          throw new TypeConversionException("'" + value + "' is too large");
        }
        return n << shift;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is too large");
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

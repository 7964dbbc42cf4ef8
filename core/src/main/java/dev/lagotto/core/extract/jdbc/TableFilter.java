package dev.lagotto.core.extract.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Include/exclude table globs ({@code *} any run of characters, {@code ?} one character, case-insensitive).
 * A glob with a dot is matched against {@code schema.table}; one without against the bare table name.
 * An empty include list includes every table; excludes win. Immutable and thread-safe.
 */
final class TableFilter {
  private final List<Pattern> include;
  private final List<Pattern> exclude;
  private final List<Boolean> includeQualified;
  private final List<Boolean> excludeQualified;

  TableFilter(List<String> includeGlobs, List<String> excludeGlobs) {
    this.include = includeGlobs.stream().map(TableFilter::compile).toList();
    this.exclude = excludeGlobs.stream().map(TableFilter::compile).toList();
    this.includeQualified = includeGlobs.stream().map(g -> g.contains(".")).toList();
    this.excludeQualified = excludeGlobs.stream().map(g -> g.contains(".")).toList();
  }

  boolean accepts(TableRef table) {
    if (!include.isEmpty() && !any(include, includeQualified, table)) {
      return false;
    }
    return !any(exclude, excludeQualified, table);
  }

  private static boolean any(List<Pattern> globs, List<Boolean> qualified, TableRef table) {
    for (int i = 0; i < globs.size(); i++) {
      String subject = qualified.get(i) ? table.display() : table.name();
      if (globs.get(i).matcher(subject.toLowerCase(Locale.ROOT)).matches()) {
        return true;
      }
    }
    return false;
  }

  static Pattern compile(String glob) {
    String g = glob.strip().toLowerCase(Locale.ROOT);
    if (g.isEmpty()) {
      throw new IllegalArgumentException("empty table glob");
    }
    StringBuilder re = new StringBuilder();
    for (char c : g.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}

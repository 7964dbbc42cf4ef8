package dev.lagotto.agent.scan;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --include}/{@code --exclude} globs. A glob without {@code /} matches a file or directory
 * name at any depth ({@code *.log}); a glob with {@code /} matches the path relative to the directory
 * given on the command line ({@code archive/**}). Java {@link PathMatcher} glob syntax. Immutable.
 */
final class PathFilter {
  private final List<Glob> includes;
  private final List<Glob> excludes;

  PathFilter(List<String> includes, List<String> excludes) {
    this.includes = compile(includes);
    this.excludes = compile(excludes);
  }

  private static List<Glob> compile(List<String> globs) {
    List<Glob> list = new ArrayList<>();
    for (String g : globs) {
      list.add(new Glob(FileSystems.getDefault().getPathMatcher("glob:" + g), g.contains("/")));
    }
    return list;
  }

  /** Whether the directory at {@code relative} (below the root) is pruned. */
  boolean prunes(Path relative) {
    return any(excludes, relative);
  }

  /** Whether the file at {@code relative} (below the root) is scanned. */
  boolean accepts(Path relative) {
    return (includes.isEmpty() || any(includes, relative)) && !any(excludes, relative);
  }

  private static boolean any(List<Glob> globs, Path relative) {
    Path name = relative.getFileName();
    for (Glob g : globs) {
      if (g.matcher.matches(g.wholePath || name == null ? relative : name)) {
        return true;
      }
    }
    return false;
  }

  private record Glob(PathMatcher matcher, boolean wholePath) {}
}

package dev.lagotto.core.extract.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** JDBC URI helpers: credential stripping for output. Stateless; cost linear in the URI length. */
public final class JdbcUris {
  /** Parameter names whose values never leave the process (matched case-insensitively). */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credential|passphrase).*|user|username|userid");
  private static final Pattern USER_INFO = Pattern.compile("(//)[^/?;@]*@");

  private JdbcUris() {}

  /**
   * The URI without credentials: drops {@code user:password@} from the authority and every {@code ?}/{@code &}
   * or {@code ;} parameter named like a user or a secret ({@code password}, {@code user}, {@code sslpassword},
   * ...). {@code jdbc:postgresql://u:p@db1/shop?password=x&ssl=true} becomes
   * {@code jdbc:postgresql://db1/shop?ssl=true}.
   */
  public static String redact(String uri) {
    if (uri == null) {
      return null;
    }
    String base = uri;
    String query = null;
    int q = uri.indexOf('?');
    if (q >= 0) {
      base = uri.substring(0, q);
      query = uri.substring(q + 1);
    }
    base = USER_INFO.matcher(base).replaceFirst("$1");
    String[] semi = base.split(";", -1);
    StringBuilder out = new StringBuilder(semi[0]);
    for (int i = 1; i < semi.length; i++) {
      if (!semi[i].isEmpty() && !secret(semi[i])) {
        out.append(';').append(semi[i]);
      }
    }
    if (query != null) {
      List<String> kept = new ArrayList<>();
      for (String p : query.split("[&;]")) {
        if (!p.isEmpty() && !secret(p)) {
          kept.add(p);
        }
      }
      if (!kept.isEmpty()) {
        out.append('?').append(String.join("&", kept));
      }
    }
    return out.toString();
  }

  /** Whether a scan target is a JDBC URI (rather than a path). */
  public static boolean isJdbc(String target) {
    return target != null && target.regionMatches(true, 0, "jdbc:", 0, 5);
  }

  /** Whether the URI names {@code jdbc:mysql:} (served by the MariaDB driver here). */
  static boolean isMysqlScheme(String uri) {
    return uri.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:");
  }

  private static boolean secret(String param) {
    int eq = param.indexOf('=');
    String key = (eq < 0 ? param : param.substring(0, eq)).strip();
    return SECRET_KEY.matcher(key).matches();
  }
}

package dev.lagotto.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints exposures (the server's JSON view) as an aligned text table: host, category, rule, count, last
 * seen, masked value and place, and a state column ({@code open}, {@code closed since ...}) when one of them
 * is closed. Column widths fit the content up to {@link #MAX_WIDTH}. Stateless.
 */
final class ExposureTable {
  static final int MAX_WIDTH = 60;
  private static final String[] HEADERS = {"HOST", "CATEGORY", "RULE", "COUNT", "LAST SEEN", "MASKED", "WHERE"};
  private static final String[] HEADERS_WITH_STATE = {"HOST", "CATEGORY", "RULE", "COUNT", "LAST SEEN", "STATE", "MASKED", "WHERE"};
  private static final String CLOSED = "closed";

  private ExposureTable() {}

  static void print(PrintWriter out, JsonNode exposures) {
    boolean anyClosed = false;
    for (JsonNode e : exposures) {
      anyClosed |= CLOSED.equals(e.path("state").asText());
    }
    String[] headers = anyClosed ? HEADERS_WITH_STATE : HEADERS;
    List<String[]> rows = new ArrayList<>();
    rows.add(headers);
    for (JsonNode e : exposures) {
      String state = CLOSED.equals(e.path("state").asText()) ? "closed since " + e.path("closed_at").asText() : "open";
      rows.add(anyClosed
          ? new String[] {e.path("host").asText(), e.path("category").asText(), e.path("rule").asText(),
              e.path("count").asText(), e.path("last_seen").asText(), state, e.path("masked").asText(), where(e)}
          : new String[] {e.path("host").asText(), e.path("category").asText(), e.path("rule").asText(),
              e.path("count").asText(), e.path("last_seen").asText(), e.path("masked").asText(), where(e)});
    }
    int[] width = new int[headers.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.min(MAX_WIDTH, Math.max(width[i], r[i].length()));
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        String cell = r[i].length() > MAX_WIDTH && i < r.length - 1 ? r[i].substring(0, MAX_WIDTH - 1) + "~" : r[i];
        line.append(cell);
        if (i < r.length - 1) {
          line.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String where(JsonNode e) {
    StringBuilder w = new StringBuilder(e.path("source").path("uri").asText());
    JsonNode loc = e.path("location");
    if (loc.hasNonNull("entry")) {
      w.append("!/").append(loc.get("entry").asText());
    }
    if (loc.hasNonNull("table")) {
      w.append(' ').append(loc.get("table").asText());
      if (loc.hasNonNull("column")) {
        w.append('.').append(loc.get("column").asText());
      }
    }
    if (e.hasNonNull("first_line")) {
      w.append(':').append(e.get("first_line").asLong());
      if (e.path("last_line").asLong() != e.get("first_line").asLong()) {
        w.append('-').append(e.path("last_line").asLong());
      }
    }
    return w.toString();
  }
}

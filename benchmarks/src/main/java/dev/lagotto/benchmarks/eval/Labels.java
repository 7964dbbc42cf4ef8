package dev.lagotto.benchmarks.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The labels of a corpus, sorted by offset, with an overlap query. Reads the JSONL written by
 * {@code gen_labelled.py} (gzip when the file name ends in {@code .gz}); an unknown field or a bad record is an
 * error naming the line. Immutable after loading; an overlap query costs O(log n + labels within
 * {@link #maxLength()} bytes before the span).
 */
public final class Labels {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("offset", "length", "category", "kind", "line", "sub");

  private final List<Label> sorted;
  private final long[] offsets;
  private final int maxLength;

  public Labels(List<Label> labels) {
    this.sorted = labels.stream().sorted(Comparator.comparingLong(Label::offset)).toList();
    this.offsets = sorted.stream().mapToLong(Label::offset).toArray();
    this.maxLength = sorted.stream().mapToInt(Label::length).max().orElse(0);
  }

  /** Reads a labels file (JSONL, optionally gzip-compressed). */
  public static Labels read(Path file) throws IOException {
    List<Label> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(parse(JSON.readTree(line)));
        } catch (IOException | IllegalArgumentException e) {
          throw new IOException(file + ":" + n + ": bad label record: " + e.getMessage(), e);
        }
      }
    }
    return new Labels(out);
  }

  private static Label parse(JsonNode node) {
    node.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "'");
      }
    });
    JsonNode sub = node.get("sub");
    return new Label(required(node, "offset").asLong(), required(node, "length").asInt(),
        required(node, "category").asText(),
        Label.Kind.valueOf(required(node, "kind").asText().toUpperCase(Locale.ROOT)),
        sub == null || sub.isNull() ? null : sub.asText());
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v;
  }

  /** All labels in offset order. */
  public List<Label> all() {
    return sorted;
  }

  /** The longest label, in bytes. */
  public int maxLength() {
    return maxLength;
  }

  /** Passes every label that shares a byte with {@code [start, end)} to {@code action}, in offset order. */
  public void overlapping(long start, long end, Consumer<Label> action) {
    int i = firstAtOrAfter(start - maxLength);
    for (; i < sorted.size() && offsets[i] < end; i++) {
      Label l = sorted.get(i);
      if (l.overlaps(start, end)) {
        action.accept(l);
      }
    }
  }

  private int firstAtOrAfter(long offset) {
    int lo = 0;
    int hi = offsets.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (offsets[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

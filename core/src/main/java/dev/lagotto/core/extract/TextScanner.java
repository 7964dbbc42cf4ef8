package dev.lagotto.core.extract;

import dev.lagotto.core.context.CsvColumns;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a {@link Scanner} over a UTF-8 stream read by a {@link ChunkedReader} and gives each match its
 * line, column and stream offset. Memory: the reader's buffer plus the matches of one chunk. Cost: the
 * scanner's plus one pass over the bytes for line counting. When the stream's first line is a CSV/TSV header
 * ({@link CsvColumns#firstLine}), its column names serve as context keys in every later chunk. Immutable and thread-safe; each
 * {@link #scan} call keeps its own state.
 */
public final class TextScanner {
  private static final Comparator<Match> BY_START = Comparator.comparingInt(Match::start);
  private final Scanner scanner;
  private final ChunkedReader reader;

  public TextScanner(Scanner scanner, ChunkedReader reader) {
    this.scanner = scanner;
    this.reader = reader;
  }

  public Scanner scanner() {
    return scanner;
  }

  /**
   * Scans {@code in} to its end (does not close it).
   *
   * @return the number of bytes read
   */
  public long scan(InputStream in, TextMatchSink sink) throws IOException {
    LineTracker tracker = new LineTracker();
    List<Match> matches = new ArrayList<>();
    CsvColumns[] header = new CsvColumns[1];
    return reader.read(in, (chunk, base) -> {
      matches.clear();
      if (base == 0 && chunk.reportFrom() == chunk.start()) {
        header[0] = CsvColumns.firstLine(chunk.bytes(), chunk.start(), chunk.end());
      }
      scanner.scan(chunk, header[0], (rule, start, end, confidence) -> {
        if (start >= chunk.reportFrom() && start < chunk.reportTo() && end <= chunk.end() && end >= start) {
          matches.add(new Match(rule, start, end, confidence));
        }
      });
      matches.sort(BY_START);
      byte[] bytes = chunk.bytes();
      for (Match m : matches) {
        tracker.advanceTo(bytes, base, base + m.start);
        sink.match(m.rule, m.confidence, bytes, m.start, m.end, tracker.line(), tracker.column(), base + m.start);
      }
      tracker.advanceTo(bytes, base, base + chunk.reportTo());
      sink.scanned(chunk.reportTo() - chunk.reportFrom());
    });
  }

  /** One match of a chunk, kept until the chunk's matches are sorted by start. */
  private record Match(Rule rule, int start, int end, double confidence) {}
}

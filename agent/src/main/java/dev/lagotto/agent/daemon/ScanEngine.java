package dev.lagotto.agent.daemon;

import dev.lagotto.core.extract.SourceReader;
import dev.lagotto.core.extract.TextMatchSink;
import dev.lagotto.core.extract.TextScanner;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.FindingFactory;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.Rule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The rule engine as the agent uses it: text bytes of a tailed file and whole files of a tree in, findings
 * (masked, fingerprinted, never revealed) out. Findings below {@code minConfidence} are dropped.
 * Immutable and thread-safe.
 *
 * @param text the scanner over text streams
 * @param reader the scanner over whole files (gzip, content detection, handlers)
 * @param factory masks and fingerprints; never reveals
 * @param host the host name written into every source
 * @param minConfidence lowest confidence kept
 */
public record ScanEngine(TextScanner text, SourceReader reader, FindingFactory factory, String host, double minConfidence) {
  public ScanEngine {
    if (factory.reveal()) {
      throw new IllegalArgumentException("the agent never reveals raw values");
    }
  }

  /** The source of a file: {@code file://} URI of its absolute path, on this host. */
  public SourceRef fileRef(java.nio.file.Path path) {
    return new SourceRef("file", path.toAbsolutePath().toUri().toString(), host);
  }

  /**
   * Scans {@code bytes[0, length)}, text that starts at line {@code firstLine} of {@code ref}, into exposure
   * records seen at {@code now}.
   */
  public void scanText(byte[] bytes, int length, long firstLine, SourceRef ref, Instant now, List<ExposureRecord> out)
      throws IOException {
    text.scan(new ByteArrayInputStream(bytes, 0, length), new TextMatchSink() {
      @Override
      public void match(Rule rule, double confidence, byte[] b, int start, int end, long line, long column, long offset) {
        if (confidence < minConfidence) {
          return;
        }
        String raw = new String(b, start, end - start, StandardCharsets.UTF_8);
        Finding f = factory.create(rule, confidence, ref, Location.Text.of(line, column, offset, end - start), raw);
        out.add(FindingRecords.of(f, now, firstLine - 1));
      }
    });
  }
}

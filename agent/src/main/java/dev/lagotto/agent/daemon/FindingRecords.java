package dev.lagotto.agent.daemon;

import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.Location;
import java.time.Instant;

/** Conversion of a {@link Finding} (masked and fingerprinted; its raw value is never read) into an {@link ExposureRecord}. */
final class FindingRecords {
  private FindingRecords() {}

  /** The exposure of one occurrence, seen at {@code now}; {@code lineShift} is added to text line numbers. */
  static ExposureRecord of(Finding f, Instant now, long lineShift) {
    String entry = null;
    long line = 0;
    if (f.location() instanceof Location.Text t) {
      entry = t.entry();
      line = t.line() + lineShift;
    }
    ExposureRecord.Key key = new ExposureRecord.Key(f.source().host(), f.source().uri(), entry, null, null,
        f.category().id(), f.rule(), f.fingerprint());
    return new ExposureRecord(key, f.source().kind(), f.masked(), 1, now, now, line, line, f.confidence());
  }
}

package dev.lagotto.core.extract;

import dev.lagotto.core.finding.Finding;

/** Receives the findings of one source, in stream order, on the scanning thread. */
public interface FindingSink {
  void accept(Finding finding);

  /** Called as text is scanned with the number of new bytes; for progress reports. */
  default void scanned(long bytes) {}
}

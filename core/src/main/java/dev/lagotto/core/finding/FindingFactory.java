package dev.lagotto.core.finding;

import dev.lagotto.core.rule.Rule;

/**
 * Makes {@link Finding}s from matched values: masks and fingerprints the value ({@link ValueForms},
 * {@link Fingerprinter}) and keeps the raw value only when {@code reveal} is set. Immutable and
 * thread-safe; cost per finding: one normalisation, one mask, one HMAC.
 */
public final class FindingFactory {
  private final Fingerprinter fingerprinter;
  private final boolean reveal;

  public FindingFactory(Fingerprinter fingerprinter, boolean reveal) {
    this.fingerprinter = fingerprinter;
    this.reveal = reveal;
  }

  /** Whether findings carry the raw value. */
  public boolean reveal() {
    return reveal;
  }

  /** The finding of {@code rule} matching {@code raw} at {@code location} of {@code source}. */
  public Finding create(Rule rule, double confidence, SourceRef source, Location location, String raw) {
    String normalised = ValueForms.normalise(rule.category(), raw);
    return new Finding(rule.category(), rule.id(), confidence, source, location,
        ValueForms.mask(rule.category(), raw), fingerprinter.fingerprint(normalised), reveal ? raw : null);
  }
}

package dev.lagotto.core.finding;

import dev.lagotto.core.rule.Category;
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
    return create(rule.category(), rule.id(), confidence, source, location, raw);
  }

  /**
   * A finding not made by a pack rule (e.g. a GPS position read from a photo's metadata), under the stable
   * {@code ruleId} of its producer.
   */
  public Finding create(Category category, String ruleId, double confidence, SourceRef source, Location location,
      String raw) {
    ValueForms.Forms forms = ValueForms.forms(category, raw);
    return new Finding(category, ruleId, confidence, source, location,
        forms.masked(), fingerprinter.fingerprint(forms.normalised()), reveal ? raw : null);
  }
}

package dev.lagotto.agent.server;

import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.ValueForms;
import dev.lagotto.core.rule.Category;
import java.time.Instant;

/** Finding lines as {@code lagotto scan --format jsonl} writes them, fingerprinted with a site key. */
final class FindingLines {
  private final Fingerprinter fingerprinter;

  FindingLines(byte[] siteKey) {
    this.fingerprinter = new Fingerprinter(siteKey);
  }

  /** The fingerprint the engine would give {@code value} in {@code category} under the site key. */
  String fingerprint(Category category, String value) {
    return fingerprinter.fingerprint(ValueForms.normalise(category, value));
  }

  /** One finding line plus the agent's aggregation fields ({@code count}, {@code first_seen}, {@code last_seen}). */
  String finding(String host, String path, Category category, String value, int line, long count, Instant lastSeen) {
    return "{\"type\":\"finding\",\"category\":\"" + category.id() + "\",\"rule\":\"" + category.id() + "\","
        + "\"confidence\":0.9,\"source\":{\"kind\":\"file\",\"uri\":\"file://" + path + "\",\"host\":\"" + host + "\"},"
        + "\"location\":{\"line\":" + line + ",\"column\":5,\"offset\":100,\"length\":17},"
        + "\"masked\":\"" + ValueForms.mask(category, value) + "\",\"fingerprint\":\"" + fingerprint(category, value) + "\","
        + "\"count\":" + count + ",\"first_seen\":\"" + lastSeen.minusSeconds(60) + "\",\"last_seen\":\"" + lastSeen + "\"}";
  }
}

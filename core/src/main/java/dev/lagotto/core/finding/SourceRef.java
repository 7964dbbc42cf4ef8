package dev.lagotto.core.finding;

import java.util.Objects;

/**
 * Where a finding came from.
 *
 * @param kind {@code file}, {@code stdin}, {@code jdbc}, ...
 * @param uri e.g. {@code file:///var/log/app.log} or {@code jdbc:postgresql://db1/shop} (never with credentials)
 * @param host the host name of the machine that scanned it
 */
public record SourceRef(String kind, String uri, String host) {
  /**
   * Component-wise equality, as a record's; written out because the record's bootstrap (method handles
   * spun on first call) cost a fiftieth of the start of {@code lagotto scan}, where each finding's source
   * is compared with the previous one. {@link #hashCode()} stays the record's, which agrees with it.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRef r && Objects.equals(kind, r.kind) && Objects.equals(uri, r.uri)
        && Objects.equals(host, r.host);
  }
}

package dev.lagotto.core.finding;

/**
 * Where a finding came from.
 *
 * @param kind {@code file}, {@code stdin}, {@code jdbc}, ...
 * @param uri e.g. {@code file:///var/log/app.log} or {@code jdbc:postgresql://db1/shop} (never with credentials)
 * @param host the host name of the machine that scanned it
 */
public record SourceRef(String kind, String uri, String host) {}

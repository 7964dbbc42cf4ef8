package dev.lagotto.agent.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a bearer token may do. {@link #ADMIN} may do everything. */
public enum Role {
  /** Ingest findings and enrol (agents on servers). */
  AGENT,
  /** Read: search, facets, subject lookup, export, metrics (the security team). */
  ANALYST,
  /** Everything, including deleting a host's exposures. */
  ADMIN;

  /** The wire and file form, lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code id}, if any. */
  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id();
  }
}

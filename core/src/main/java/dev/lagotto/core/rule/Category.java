package dev.lagotto.core.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The stable category vocabulary of DESIGN.md §7, used in output, in the central index and in rule files.
 * The wire form is {@link #id()} (lower snake case); never rename a constant's id.
 */
public enum Category {
  PERSON_NAME,
  EMAIL,
  IPV4,
  IPV6,
  GEO_COORDINATES,
  PHONE,
  CREDIT_CARD,
  IBAN,
  NATIONAL_ID,
  MAC_ADDRESS,
  DEVICE_ID,
  DATE_OF_BIRTH,
  STREET_ADDRESS,
  USER_AGENT,
  SESSION_ID;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** The wire form, e.g. {@code geo_coordinates}. */
  public String id() {
    return id;
  }

  /** The category whose {@link #id()} is {@code id}, if any. */
  public static Optional<Category> fromId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}

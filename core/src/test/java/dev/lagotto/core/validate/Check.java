package dev.lagotto.core.validate;

import java.nio.charset.StandardCharsets;

/** Runs a validator on a value embedded in surrounding bytes, as the engine does (offsets not at 0). */
final class Check {
  private static final String BEFORE = "before: ";
  private static final String AFTER = " :after";

  private Check() {}

  static double factor(Validator v, String value) {
    byte[] bytes = (BEFORE + value + AFTER).getBytes(StandardCharsets.UTF_8);
    int start = BEFORE.length();
    int end = start + value.getBytes(StandardCharsets.UTF_8).length;
    return v.check(bytes, start, end);
  }
}

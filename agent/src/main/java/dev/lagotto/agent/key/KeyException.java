package dev.lagotto.agent.key;

/** The site key cannot be had; the message names the variable or file and the reason, never the key. */
public final class KeyException extends Exception {
  private static final long serialVersionUID = 1L;

  public KeyException(String message) {
    super(message);
  }
}

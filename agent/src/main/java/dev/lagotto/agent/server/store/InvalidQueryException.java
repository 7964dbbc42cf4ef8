package dev.lagotto.agent.server.store;

/** A search query or sort specification that cannot be parsed; the message says why (never a value). */
public final class InvalidQueryException extends IllegalArgumentException {
  public InvalidQueryException(String message) {
    super(message);
  }
}

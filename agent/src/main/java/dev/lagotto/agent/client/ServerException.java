package dev.lagotto.agent.client;

/** An answer of the central index other than 200: the HTTP status and the server's error message. */
public final class ServerException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ServerException(int status, String message) {
    super("HTTP " + status + (message == null || message.isEmpty() ? "" : ": " + message));
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Whether sending the same request again cannot succeed (a bad or oversized batch). */
  public boolean permanent() {
    return status == 400 || status == 413 || status == 422;
  }
}

package dev.lagotto.agent.output;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a {@link ReportWriter} that encodes for itself, decoded back onto a character writer (a
 * report written to a {@link PrintWriter} that is not a {@link Utf8PrintWriter}, as in tests). Only for
 * writes of whole UTF-8 sequences, as {@link JsonlWriter} makes them: a sequence split between two writes
 * would decode to replacement characters. Cost: one decode per write. Not thread-safe.
 */
final class LineDecoder extends OutputStream {
  private final PrintWriter out;

  LineDecoder(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    out.write(new String(b, off, len, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() {
    out.flush();
  }
}

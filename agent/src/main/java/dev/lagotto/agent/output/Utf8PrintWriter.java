package dev.lagotto.agent.output;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintWriter} that encodes UTF-8 onto a byte stream and also lends that stream to report writers
 * that encode for themselves (JSONL), so their bytes skip the character encoder. Like any PrintWriter it
 * never throws: a failed write of either path sets {@link #checkError}. Not thread-safe; memory: two
 * buffers of the size given.
 */
public final class Utf8PrintWriter extends PrintWriter {
  private final OutputStream bytes;

  /** A writer on {@code out} with character and byte buffers of {@code bufferSize} each. */
  public Utf8PrintWriter(OutputStream out, int bufferSize) {
    this(new BufferedOutputStream(out, bufferSize), bufferSize);
  }

  private Utf8PrintWriter(BufferedOutputStream buffered, int bufferSize) {
    super(new BufferedWriter(new OutputStreamWriter(buffered, StandardCharsets.UTF_8), bufferSize), false);
    this.bytes = new Bytes(buffered);
  }

  /**
   * The byte stream under this writer, after what was written as characters (flushed first). Writes to it
   * and to this writer must not interleave without a {@link #flush} of the one written last.
   */
  public OutputStream bytes() {
    flush();
    return bytes;
  }

  /** The byte path: errors set the writer's error flag instead of being thrown, as the character path does. */
  private final class Bytes extends OutputStream {
    private final OutputStream out;

    Bytes(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        setError();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        setError();
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        setError();
      }
    }
  }
}

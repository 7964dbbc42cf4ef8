package dev.lagotto.core.extract.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A write-once byte buffer that stays in memory up to {@link #MEMORY_LIMIT} bytes and spills to a temporary
 * file beyond it, so extracted text of any size costs bounded heap. Written by one thread (a parser worker),
 * then {@link #seal() sealed} by another, after which writes fail: a parser that outlives its timeout can no
 * longer change the text handed on. Read with {@link #open()} after sealing; {@link #close()} deletes the file.
 */
final class TextSpool extends OutputStream {

  /** Bytes kept in memory before spilling to disk: 1 MiB. */
  static final int MEMORY_LIMIT = 1 << 20;

  private final Path dir;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path file;
  private OutputStream fileOut;
  private long size;
  private boolean sealed;

  TextSpool(Path dir) {
    this.dir = dir;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (sealed) {
      throw new IOException("text spool is sealed");
    }
    if (fileOut == null && memory.size() + len > MEMORY_LIMIT) {
      file = Files.createTempFile(dir, "text", ".txt");
      fileOut = Files.newOutputStream(file);
      memory.writeTo(fileOut);
      memory = null;
    }
    if (fileOut != null) {
      fileOut.write(b, off, len);
    } else {
      memory.write(b, off, len);
    }
    size += len;
  }

  /** Ends writing; later writes throw. Idempotent. */
  synchronized void seal() throws IOException {
    if (!sealed) {
      sealed = true;
      if (fileOut != null) {
        fileOut.close();
      }
    }
  }

  synchronized long size() {
    return size;
  }

  /** A stream over everything written before {@link #seal()}. */
  synchronized InputStream open() throws IOException {
    if (!sealed) {
      throw new IllegalStateException("open before seal");
    }
    return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory.toByteArray());
  }

  @Override
  public synchronized void close() throws IOException {
    seal();
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}

package dev.lagotto.agent.daemon;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A byte-rate cap shared by every reading thread: a token bucket refilled at {@code bytesPerSecond} with a
 * burst of one second. {@link #acquire} blocks until the bytes are allowed; a rate of 0 means no cap.
 * Thread-safe.
 */
public final class RateLimiter {
  /** No cap. */
  public static final RateLimiter UNLIMITED = new RateLimiter(0);
  private static final int MIN_STEP = 4096;
  private static final int STEPS_PER_SECOND = 10;
  private final long rate;
  private double available;
  private long last = System.nanoTime();

  public RateLimiter(long bytesPerSecond) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("rate " + bytesPerSecond + " is negative");
    }
    this.rate = bytesPerSecond;
    this.available = bytesPerSecond;
  }

  /** The most bytes worth reading in one step under this cap (a tenth of a second's worth), or {@code max}. */
  public int step(int max) {
    return rate == 0 ? max : (int) Math.max(MIN_STEP, Math.min(max, rate / STEPS_PER_SECOND));
  }

  /** Waits until {@code bytes} more may be read. */
  public void acquire(long bytes) throws InterruptedException {
    if (rate == 0 || bytes <= 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      available = Math.min(rate, available + (now - last) * (rate / 1e9));
      last = now;
      available -= bytes;
      wait = available >= 0 ? 0 : (long) (-available / rate * 1000);
    }
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  /** {@code in}, read no faster than this cap allows. */
  public InputStream wrap(InputStream in) {
    if (rate == 0) {
      return in;
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          pace(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
          pace(n);
        }
        return n;
      }

      private void pace(int n) throws IOException {
        try {
          acquire(n);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("read interrupted");
        }
      }
    };
  }
}

package dev.lagotto.benchmarks;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The floor of any Java scanner as a whole process, for {@code compare.sh}: reads a file with a
 * {@value #BUFFER_BYTES}-byte buffer and sums its bytes (so the read is not dead code); prints the sum and
 * the length.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.lagotto.benchmarks.PlainRead FILE}
 */
public final class PlainRead {
  public static final int BUFFER_BYTES = 1 << 20;

  private PlainRead() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: PlainRead FILE");
      System.exit(JdkRegexScan.EXIT_USAGE);
    }
    byte[] buffer = new byte[BUFFER_BYTES];
    long sum = 0;
    long length = 0;
    try (InputStream in = new FileInputStream(args[0])) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          sum += buffer[i] & 0xff;
        }
        length += n;
      }
    } catch (IOException e) {
      System.err.println("PlainRead: " + e.getMessage());
      System.exit(JdkRegexScan.EXIT_IO);
    }
    System.out.println("sum\t" + sum + "\nbytes\t" + length);
  }
}

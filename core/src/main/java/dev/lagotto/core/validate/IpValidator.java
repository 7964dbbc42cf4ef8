package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code ip}: an IPv4 or IPv6 address (see {@link IpAddresses} for the accepted text), scored by its
 * {@link IpClass}: public and documentation 1, private 0.6 (0 when private addresses are not reported),
 * link-local 0.5, reserved 0.3, loopback/unspecified/multicast/broadcast 0. Text that is not an address gives
 * 0. Linear in the match; a span that starts with a digit and has no {@code :} is read as IPv4 from the
 * bytes without allocating. Immutable and thread-safe.
 */
public final class IpValidator implements Validator, ValidatorProvider {
  public static final String NAME = "ip";
  private final boolean reportPrivate;

  /** The SPI provider (reports private addresses). */
  public IpValidator() {
    this(true);
  }

  public IpValidator(boolean reportPrivate) {
    this.reportPrivate = reportPrivate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return new IpValidator(settings.reportPrivateIps());
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    IpClass c;
    if (start < end && end <= bytes.length && bytes[start] >= '0' && bytes[start] <= '9'
        && !contains(bytes, start, end, (byte) ':')) {
      c = IpAddresses.classifyIpv4(bytes, start, end);
    } else {
      String text = MatchText.decode(bytes, start, end);
      c = text == null ? null : classify(text);
    }
    if (c == null) {
      return 0;
    }
    return c == IpClass.PRIVATE && !reportPrivate ? 0 : c.factor();
  }

  private static boolean contains(byte[] bytes, int start, int end, byte c) {
    for (int i = start; i < end; i++) {
      if (bytes[i] == c) {
        return true;
      }
    }
    return false;
  }

  /** The class of the address {@code text}, or {@code null} if it is not an IP address. */
  public static IpClass classify(CharSequence text) {
    return IpAddresses.classify(text);
  }
}

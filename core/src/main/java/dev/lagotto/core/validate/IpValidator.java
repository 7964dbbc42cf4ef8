package dev.lagotto.core.validate;

import dev.lagotto.core.scan.ScanSettings;

/**
 * Validator {@code ip}: an IPv4 or IPv6 address (see {@link IpAddresses} for the accepted text), scored by its
 * {@link IpClass}: public and documentation 1, private 0.6 (0 when private addresses are not reported),
 * link-local 0.5, reserved 0.3, loopback/unspecified/multicast/broadcast 0. Text that is not an address gives
 * 0. Linear in the match; immutable and thread-safe.
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
    String text = MatchText.decode(bytes, start, end);
    IpClass c = text == null ? null : classify(text);
    if (c == null) {
      return 0;
    }
    return c == IpClass.PRIVATE && !reportPrivate ? 0 : c.factor();
  }

  /** The class of the address {@code text}, or {@code null} if it is not an IP address. */
  public static IpClass classify(CharSequence text) {
    return IpAddresses.classify(text);
  }
}

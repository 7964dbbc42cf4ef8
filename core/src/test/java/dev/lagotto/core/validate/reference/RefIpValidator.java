package dev.lagotto.core.validate.reference;

import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.validate.IpClass;
import dev.lagotto.core.validate.MatchText;
import dev.lagotto.core.validate.Validator;
import dev.lagotto.core.validate.ValidatorProvider;

/**
 * Validator {@code ip}: an IPv4 or IPv6 address (see {@link RefIpAddresses} for the accepted text), scored by its
 * {@link IpClass}: public and documentation 1, private 0.6 (0 when private addresses are not reported),
 * link-local 0.6, reserved 0.3, loopback/unspecified/multicast/broadcast 0; an IPv6 address written in full
 * (eight groups, no {@code ::}) in IANA-unallocated space gets {@link #UNALLOCATED_FULL_FACTOR}: eight
 * colon-separated hex groups are an address whatever the allocation, while compressed look-alikes
 * ({@code dead::beef}) stay at the reserved factor. Text that is not an address gives
 * 0. Linear in the match; a span that starts with a digit and has no {@code :} is read as IPv4 from the
 * bytes without allocating. Immutable and thread-safe.
 */
public final class RefIpValidator implements Validator, ValidatorProvider {
  public static final String NAME = "ip";
  /** Factor of a full-form IPv6 address outside 2000::/3 and outside every special-purpose block. */
  public static final double UNALLOCATED_FULL_FACTOR = 0.7;
  private static final int IPV6_FULL_COLONS = 7;
  private final boolean reportPrivate;

  /** The SPI provider (reports private addresses). */
  public RefIpValidator() {
    this(true);
  }

  public RefIpValidator(boolean reportPrivate) {
    this.reportPrivate = reportPrivate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Validator create(ScanSettings settings) {
    return new RefIpValidator(settings.reportPrivateIps());
  }

  @Override
  public double check(byte[] bytes, int start, int end) {
    IpClass c;
    if (start < end && end <= bytes.length && bytes[start] >= '0' && bytes[start] <= '9'
        && !contains(bytes, start, end, (byte) ':')) {
      c = RefIpAddresses.classifyIpv4(bytes, start, end);
    } else {
      String text = MatchText.decode(bytes, start, end);
      c = text == null ? null : classify(text);
      if (c == IpClass.RESERVED && unallocatedFullIpv6(text)) {
        return UNALLOCATED_FULL_FACTOR;
      }
    }
    if (c == null) {
      return 0;
    }
    return c == IpClass.PRIVATE && !reportPrivate ? 0 : c.factor();
  }

  /**
   * Whether {@code text} (classified reserved) is eight hex groups without {@code ::}, a zone or an IPv4 tail,
   * whose first group is outside 2000::/3 and is not 0 or 100 (the ::/96 and 100::/64 blocks), and with a
   * group of three or four digits (eight two-digit groups are an EUI-64 device address, not IPv6).
   */
  static boolean unallocatedFullIpv6(String text) {
    int colons = 0;
    int run = 0;
    boolean wide = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ':') {
        colons++;
        run = 0;
        if (i > 0 && text.charAt(i - 1) == ':') {
          return false;
        }
      } else if (Character.digit(ch, 16) < 0) {
        return false;
      } else {
        run++;
        wide |= run >= 3;
      }
    }
    int firstEnd = text.indexOf(':');
    if (colons != IPV6_FULL_COLONS || !wide || firstEnd < 1 || firstEnd > 4) {
      return false;
    }
    int first = Integer.parseInt(text, 0, firstEnd, 16);
    return first != 0 && first != 0x100 && (first & 0xe000) != 0x2000;
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
    return RefIpAddresses.classify(text);
  }
}

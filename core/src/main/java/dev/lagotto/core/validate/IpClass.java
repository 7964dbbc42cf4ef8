package dev.lagotto.core.validate;

/**
 * The class of an IP address from the IANA IPv4 and IPv6 special-purpose address registries (RFC 6890 and
 * successors), with the confidence factor the {@code ip} validator gives it.
 */
public enum IpClass {
  /** Globally routable unicast. */
  PUBLIC(1.0),
  /** RFC 1918, CGNAT 100.64/10, IPv6 unique-local fc00::/7, local-use NAT64; 0 when private IPs are not reported. */
  PRIVATE(0.6),
  /** 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20: public-like, used in examples. */
  DOCUMENTATION(1.0),
  /**
   * 169.254/16, fe80::/10: reported (issue 3 lists only loopback, unspecified, multicast and broadcast as
   * unreported), with the lower confidence of a private address.
   */
  LINK_LOCAL(0.6),
  /** 127/8, ::1. */
  LOOPBACK(0),
  /** 0.0.0.0, ::. */
  UNSPECIFIED(0),
  /** 224/4, ff00::/8. */
  MULTICAST(0),
  /** 255.255.255.255. */
  BROADCAST(0),
  /**
   * Other special-purpose or unassigned space (0/8, 240/4, 192.0.0/24, 198.18/15, 192.88.99/24, 100::/64,
   * 2001::/23, IPv4-compatible ::/96, IPv6 outside 2000::/3): rarely a real address in text, often a look-alike.
   */
  RESERVED(0.3);

  private final double factor;

  IpClass(double factor) {
    this.factor = factor;
  }

  /** The {@code ip} validator's confidence factor for this class (before the private-address setting). */
  public double factor() {
    return factor;
  }
}

package dev.lagotto.core.validate;

/**
 * Strict IP address text parsing, classification ({@link IpClass}) and canonical text. IPv4 is the dotted
 * quad without leading zeros; IPv6 is RFC 4291 text with {@code ::} compression, an embedded IPv4 tail and an
 * optional zone id ({@code fe80::1%eth0}), optionally in brackets. Linear in the text; allocates only the
 * result, and nothing when classifying bytes ({@link #classifyAscii}); thread-safe.
 */
public final class IpAddresses {
  private static final int IPV4_BYTES = 4;
  private static final int IPV6_BYTES = 16;
  private static final int IPV6_GROUPS = 8;
  private static final int MAX_ZONE_CHARS = 64;

  private IpAddresses() {}

  /** The address bytes (4 for IPv4, 16 for IPv6) of {@code text}, or {@code null} if it is not an address. */
  public static byte[] parse(CharSequence text) {
    String s = text.toString();
    if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
      s = s.substring(1, s.length() - 1);
    }
    if (s.indexOf(':') >= 0) {
      return parseIpv6(s);
    }
    return parseIpv4(s, 0, s.length());
  }

  /** The class of the address {@code text}, or {@code null} if it is not an address. */
  public static IpClass classify(CharSequence text) {
    byte[] address = parse(text);
    return address == null ? null : classify(address);
  }

  /** The class of a 4- or 16-byte address. */
  public static IpClass classify(byte[] a) {
    if (a.length == IPV4_BYTES) {
      return classifyIpv4(a);
    }
    if (a.length != IPV6_BYTES) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + a.length);
    }
    return classifyIpv6(a);
  }

  /**
   * The canonical text of a 4- or 16-byte address: dotted quad, or RFC 5952 IPv6 (lower case, no leading zeros,
   * the longest run of two or more zero groups compressed, the first on a tie; IPv4-mapped as
   * {@code ::ffff:a.b.c.d}). The zone id is not part of the address.
   */
  public static String canonical(byte[] a) {
    if (a.length == IPV4_BYTES) {
      return u(a[0]) + "." + u(a[1]) + "." + u(a[2]) + "." + u(a[3]);
    }
    if (isMapped(a)) {
      return "::ffff:" + u(a[12]) + "." + u(a[13]) + "." + u(a[14]) + "." + u(a[15]);
    }
    int[] g = groups(a);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < IPV6_GROUPS; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < IPV6_GROUPS && g[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < IPV6_GROUPS; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }

  /** The eight 16-bit groups of an IPv6 address. */
  public static int[] groups(byte[] a) {
    int[] g = new int[IPV6_GROUPS];
    for (int i = 0; i < IPV6_GROUPS; i++) {
      g[i] = (u(a[2 * i]) << 8) | u(a[2 * i + 1]);
    }
    return g;
  }

  private static int u(byte b) {
    return b & 0xff;
  }

  private static boolean isMapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return u(a[10]) == 0xff && u(a[11]) == 0xff;
  }

  /**
   * The class of the dotted-quad IPv4 address in {@code bytes[start, end)} (ASCII), or {@code null} if the
   * span is not one; the same answer as {@link #classify(CharSequence)} on the decoded span when it starts
   * with a digit and holds no {@code :}. Allocation-free.
   */
  public static IpClass classifyIpv4(byte[] bytes, int start, int end) {
    long address = ipv4Address(bytes, start, end);
    return address < 0 ? null : classifyIpv4((int) address);
  }

  /**
   * The class of the address in the ASCII bytes {@code bytes[start, end)} (IPv4 or IPv6, as
   * {@link #classify(CharSequence)} reads it: brackets, {@code ::}, an IPv4 tail, a zone id), or {@code null}
   * if it is not one; the same answer as {@code classify} on the decoded span for a span of ASCII bytes
   * (the caller checks that). Linear in the span; allocation-free.
   */
  public static IpClass classifyAscii(byte[] bytes, int start, int end) {
    int from = start;
    int to = end;
    if (to - from > 2 && bytes[from] == '[' && bytes[to - 1] == ']') {
      from++;
      to--;
    }
    for (int i = from; i < to; i++) {
      if (bytes[i] == ':') {
        return classifyIpv6(bytes, from, to);
      }
    }
    return classifyIpv4(bytes, from, to);
  }

  /** The 32-bit dotted-quad IPv4 address {@code bytes[start, end)} (as {@code parseIpv4}), or -1. */
  private static long ipv4Address(byte[] bytes, int start, int end) {
    int address = 0;
    int part = 0;
    int i = start;
    while (part < IPV4_BYTES) {
      int begin = i;
      int value = 0;
      while (i < end && i - begin < 3 && bytes[i] >= '0' && bytes[i] <= '9') {
        value = value * 10 + (bytes[i] - '0');
        i++;
      }
      int width = i - begin;
      if (width == 0 || value > 255 || width > 1 && bytes[begin] == '0') {
        return -1;
      }
      address = (address << 8) | value;
      part++;
      if (part < IPV4_BYTES) {
        if (i >= end || bytes[i] != '.') {
          return -1;
        }
        i++;
      }
    }
    return i == end ? address & 0xffffffffL : -1;
  }

  /**
   * {@code parseIpv6} of the ASCII bytes {@code b[from, to)} (brackets already removed), then its class; the
   * address is built in two longs: the groups before a {@code ::} at their index, the groups after it shifted
   * in from the right (where they end up), so one pass suffices. {@code null} if it is not an address.
   */
  private static IpClass classifyIpv6(byte[] b, int from, int to) {
    int end = to;
    for (int k = from; k < to; k++) {
      if (b[k] == '%') {
        if (!validZone(b, k + 1, to)) {
          return null;
        }
        end = k;
        break;
      }
    }
    long headHi = 0;
    long headLo = 0;
    long tailHi = 0;
    long tailLo = 0;
    int count = 0;
    int gap = -1;
    int i = from;
    if (to - from >= 2 && b[from] == ':' && b[from + 1] == ':') {
      gap = 0;
      i = from + 2;
    } else if (end > from && b[from] == ':') {
      return null;
    }
    while (i < end) {
      int begin = i;
      int value = 0;
      while (i < end && i - begin < 5 && hex(b[i]) >= 0) {
        value = (value << 4) | hex(b[i]);
        i++;
      }
      int groupsHere = 1;
      if (i < end && b[i] == '.') {
        if (count > IPV6_GROUPS - 2) {
          return null;
        }
        long v4 = ipv4Address(b, begin, end);
        if (v4 < 0) {
          return null;
        }
        value = (int) v4;
        groupsHere = 2;
        i = end;
      } else if (i == begin || i - begin > 4 || count == IPV6_GROUPS) {
        return null;
      }
      for (int k = groupsHere - 1; k >= 0; k--) {
        int group = (value >>> (16 * k)) & 0xffff;
        if (gap < 0) {
          if (count < IPV6_GROUPS / 2) {
            headHi |= (long) group << (16 * (IPV6_GROUPS / 2 - 1 - count));
          } else {
            headLo |= (long) group << (16 * (IPV6_GROUPS - 1 - count));
          }
        } else {
          tailHi = (tailHi << 16) | (tailLo >>> 48);
          tailLo = (tailLo << 16) | group;
        }
        count++;
      }
      if (groupsHere == 2 || i == end) {
        break;
      }
      if (b[i] != ':') {
        return null;
      }
      i++;
      if (i < end && b[i] == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
        if (i == end) {
          break;
        }
      } else if (i == end) {
        return null;
      }
    }
    if (gap < 0 && count != IPV6_GROUPS || gap >= 0 && count > IPV6_GROUPS - 1) {
      return null;
    }
    return classifyIpv6(headHi | tailHi, headLo | tailLo);
  }

  private static boolean validZone(byte[] b, int from, int to) {
    int n = to - from;
    if (n < 1 || n > MAX_ZONE_CHARS) {
      return false;
    }
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static IpClass classifyIpv4(byte[] a) {
    return classifyIpv4(u(a[0]), u(a[1]), u(a[2]), u(a[3]));
  }

  private static IpClass classifyIpv4(int address) {
    return classifyIpv4(address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff);
  }

  private static IpClass classifyIpv4(int b0, int b1, int b2, int b3) {
    if (b0 == 0) {
      return (b1 | b2 | b3) == 0 ? IpClass.UNSPECIFIED : IpClass.RESERVED;
    }
    if (b0 == 255 && b1 == 255 && b2 == 255 && b3 == 255) {
      return IpClass.BROADCAST;
    }
    if (b0 == 10 || b0 == 100 && (b1 & 0xc0) == 64 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
      return IpClass.PRIVATE;
    }
    if (b0 == 127) {
      return IpClass.LOOPBACK;
    }
    if (b0 == 169 && b1 == 254) {
      return IpClass.LINK_LOCAL;
    }
    if (b0 == 192 && b1 == 0 && b2 == 2 || b0 == 198 && b1 == 51 && b2 == 100 || b0 == 203 && b1 == 0 && b2 == 113) {
      return IpClass.DOCUMENTATION;
    }
    if (b0 == 192 && b1 == 0 && b2 == 0 || b0 == 192 && b1 == 88 && b2 == 99 || b0 == 198 && (b1 & 0xfe) == 18) {
      return IpClass.RESERVED;
    }
    if (b0 >= 224 && b0 <= 239) {
      return IpClass.MULTICAST;
    }
    if (b0 >= 240) {
      return IpClass.RESERVED;
    }
    return IpClass.PUBLIC;
  }

  private static IpClass classifyIpv6(byte[] a) {
    long hi = 0;
    long lo = 0;
    for (int k = 0; k < IPV6_BYTES / 2; k++) {
      hi = (hi << 8) | u(a[k]);
      lo = (lo << 8) | u(a[k + IPV6_BYTES / 2]);
    }
    return classifyIpv6(hi, lo);
  }

  /** Group {@code k} (0..7) of the IPv6 address whose high and low 64 bits are {@code hi} and {@code lo}. */
  private static int group(long hi, long lo, int k) {
    long half = k < IPV6_GROUPS / 2 ? hi : lo;
    return (int) (half >>> (16 * (IPV6_GROUPS / 2 - 1 - k % (IPV6_GROUPS / 2)))) & 0xffff;
  }

  private static IpClass classifyIpv6(long hi, long lo) {
    int g0 = group(hi, lo, 0);
    int g1 = group(hi, lo, 1);
    int g2 = group(hi, lo, 2);
    int g3 = group(hi, lo, 3);
    int g4 = group(hi, lo, 4);
    int g5 = group(hi, lo, 5);
    int g6 = group(hi, lo, 6);
    int g7 = group(hi, lo, 7);
    boolean firstSixZero = (g0 | g1 | g2 | g3 | g4 | g5) == 0;
    if (firstSixZero && g6 == 0 && (g7 == 0 || g7 == 1)) {
      return g7 == 0 ? IpClass.UNSPECIFIED : IpClass.LOOPBACK;
    }
    boolean mapped = (g0 | g1 | g2 | g3 | g4) == 0 && g5 == 0xffff;
    if (mapped || g0 == 0x64 && g1 == 0xff9b && (g2 | g3 | g4 | g5) == 0) {
      return classifyIpv4((int) lo);
    }
    if (firstSixZero) {
      return IpClass.RESERVED;
    }
    if (g0 == 0x64 && g1 == 0xff9b && g2 == 1) {
      return IpClass.PRIVATE;
    }
    if (g0 == 0x100 && (g1 | g2 | g3) == 0) {
      return IpClass.RESERVED;
    }
    if (g0 == 0x2001 && g1 == 0x0db8 || (g0 == 0x3fff && g1 < 0x1000)) {
      return IpClass.DOCUMENTATION;
    }
    if (g0 == 0x2001 && g1 < 0x200) {
      return IpClass.RESERVED;
    }
    if ((g0 & 0xfe00) == 0xfc00) {
      return IpClass.PRIVATE;
    }
    if ((g0 & 0xffc0) == 0xfe80) {
      return IpClass.LINK_LOCAL;
    }
    if ((g0 & 0xff00) == 0xff00) {
      return IpClass.MULTICAST;
    }
    if ((g0 & 0xe000) == 0x2000) {
      return IpClass.PUBLIC;
    }
    return IpClass.RESERVED;
  }

  private static byte[] parseIpv4(String s, int from, int to) {
    byte[] out = new byte[IPV4_BYTES];
    int part = 0;
    int i = from;
    while (part < IPV4_BYTES) {
      int begin = i;
      int value = 0;
      while (i < to && i - begin < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int width = i - begin;
      if (width == 0 || value > 255 || width > 1 && s.charAt(begin) == '0') {
        return null;
      }
      out[part++] = (byte) value;
      if (part < IPV4_BYTES) {
        if (i >= to || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == to ? out : null;
  }

  private static byte[] parseIpv6(String s) {
    int end = s.length();
    int zone = s.indexOf('%');
    if (zone >= 0) {
      if (!validZone(s, zone + 1)) {
        return null;
      }
      end = zone;
    }
    int[] groups = new int[IPV6_GROUPS];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == end) {
        return toBytes(groups, count, gap);
      }
    } else if (end > 0 && s.charAt(0) == ':') {
      return null;
    }
    while (i < end) {
      int begin = i;
      int value = 0;
      while (i < end && i - begin < 5 && hex(s.charAt(i)) >= 0) {
        value = (value << 4) | hex(s.charAt(i));
        i++;
      }
      if (i < end && s.charAt(i) == '.') {
        if (count > IPV6_GROUPS - 2) {
          return null;
        }
        byte[] v4 = parseIpv4(s, begin, end);
        if (v4 == null) {
          return null;
        }
        groups[count++] = (u(v4[0]) << 8) | u(v4[1]);
        groups[count++] = (u(v4[2]) << 8) | u(v4[3]);
        i = end;
        break;
      }
      if (i == begin || i - begin > 4 || count == IPV6_GROUPS) {
        return null;
      }
      groups[count++] = value;
      if (i == end) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < end && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
        if (i == end) {
          break;
        }
      } else if (i == end) {
        return null;
      }
    }
    return toBytes(groups, count, gap);
  }

  private static byte[] toBytes(int[] groups, int count, int gap) {
    if (gap < 0 && count != IPV6_GROUPS || gap >= 0 && count > IPV6_GROUPS - 1) {
      return null;
    }
    int[] full = new int[IPV6_GROUPS];
    if (gap < 0) {
      System.arraycopy(groups, 0, full, 0, IPV6_GROUPS);
    } else {
      System.arraycopy(groups, 0, full, 0, gap);
      int tail = count - gap;
      System.arraycopy(groups, gap, full, IPV6_GROUPS - tail, tail);
    }
    byte[] out = new byte[IPV6_BYTES];
    for (int k = 0; k < IPV6_GROUPS; k++) {
      out[2 * k] = (byte) (full[k] >>> 8);
      out[2 * k + 1] = (byte) full[k];
    }
    return out;
  }

  private static boolean validZone(String s, int from) {
    int n = s.length() - from;
    if (n < 1 || n > MAX_ZONE_CHARS) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static int hex(byte c) {
    return hex((char) c);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}

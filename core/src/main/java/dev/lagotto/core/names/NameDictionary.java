package dev.lagotto.core.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * First names, surnames and the names that are also common words, as one primitive open-addressing table
 * from the 64-bit hash of a name's folded lower-case form to flag bits. A lookup hashes the byte span
 * (ASCII letters lower-cased, Latin-1/Extended-A letters folded to ASCII) and probes the table: linear in
 * the span's length, no allocation. A hash collision between two different 64-bit keys would give a wrong
 * answer with probability about n / 2^64 per lookup, negligible for n = 30,000. Immutable and thread-safe.
 */
public final class NameDictionary {
  /** Flag: a given name. */
  public static final int FIRST = 1;
  /** Flag: a family name. */
  public static final int SURNAME = 2;
  /** Flag: also a common English word (Will, May, Mark): a name only with context. */
  public static final int WORD = 4;
  /** Where the default lists live on the classpath (the rules module). */
  public static final String DEFAULT_DIR = "dev/lagotto/rules/dict/";
  /** Longest name looked up, in bytes; longer spans are never names. */
  public static final int MAX_NAME_BYTES = 40;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Letters of a name prefix in {@link #prefixes}: 5 bits each (a-z, {@code '}, {@code -}). */
  private static final int PREFIX_LETTERS = 4;
  private static final int SYMBOL_BITS = 5;

  private final long[] keys;
  private final byte[] flags;
  private final int mask;
  private final int size;
  /**
   * Bit per folded four-letter prefix of a listed name (see {@link #mayBeListed}); 128 KiB; {@code null} when
   * some name's prefix has a symbol outside a-z, {@code '} and {@code -} (then every span may be listed).
   */
  private final long[] prefixes;

  private NameDictionary(long[] keys, byte[] flags, int size, long[] prefixes) {
    this.keys = keys;
    this.flags = flags;
    this.mask = keys.length - 1;
    this.size = size;
    this.prefixes = prefixes;
  }

  /** The dictionary built from the lists shipped in the rules module; loaded once. */
  public static NameDictionary defaults() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    static final NameDictionary INSTANCE = of(
        readList(DEFAULT_DIR + "first-names.txt"),
        readList(DEFAULT_DIR + "surnames.txt"),
        readList(DEFAULT_DIR + "name-words.txt"));
  }

  /** A dictionary of these lists (entries in any case; ASCII or folded-Latin letters, {@code '} and {@code -}). */
  public static NameDictionary of(List<String> firstNames, List<String> surnames, List<String> words) {
    int n = firstNames.size() + surnames.size() + words.size();
    int capacity = Integer.highestOneBit(Math.max(16, n * 2)) << 1;
    long[] keys = new long[capacity];
    byte[] flags = new byte[capacity];
    int[] size = {0};
    addAll(keys, flags, size, firstNames, FIRST);
    addAll(keys, flags, size, surnames, SURNAME);
    addAll(keys, flags, size, words, WORD);
    long[] prefixes = new long[1 << (PREFIX_LETTERS * SYMBOL_BITS - 6)];
    for (List<String> list : List.of(firstNames, surnames, words)) {
      for (String name : list) {
        byte[] b = name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        int prefix = prefix(b);
        if (prefix == -1) {
          prefixes = null;
          break;
        }
        if (prefix >= 0) {
          prefixes[prefix >>> 6] |= 1L << prefix;
        }
      }
      if (prefixes == null) {
        break;
      }
    }
    return new NameDictionary(keys, flags, size[0], prefixes);
  }

  /**
   * The first {@link #PREFIX_LETTERS} symbols that {@link #hash} reads from {@code name} (lower case),
   * packed; -2 when it has fewer (then it is never equal to a span that {@link #mayBeListed} rejects);
   * -1 when one of them is not a-z, {@code '} or {@code -}.
   */
  private static int prefix(byte[] name) {
    int packed = 0;
    int n = 0;
    int i = 0;
    while (i < name.length && n < PREFIX_LETTERS) {
      int b = name[i] & 0xff;
      int f;
      if (b < 0x80) {
        f = b;
        i++;
      } else {
        int cp = LatinFold.letterAt(name, i, name.length);
        if (cp < 0) {
          return -1;
        }
        f = LatinFold.folded(cp);
        if (f == 0) {
          return -1;
        }
        i += 2;
      }
      for (; f != 0 && n < PREFIX_LETTERS; f >>>= 8, n++) {
        int code = symbol(f & 0xff);
        if (code < 0) {
          return -1;
        }
        packed = (packed << SYMBOL_BITS) | code;
      }
    }
    return n < PREFIX_LETTERS ? -2 : packed;
  }

  private static int symbol(int lower) {
    if (lower >= 'a' && lower <= 'z') {
      return lower - 'a' + 1;
    }
    return lower == '\'' ? 27 : lower == '-' ? 28 : -1;
  }

  /**
   * A necessary condition for {@link #flags}{@code (bytes, start, end) != 0} for every {@code end >= start
   * + 4}: false only when {@code bytes[start, start + 4)} are ASCII letters whose lower-case form starts no
   * listed name (one bit test; up to a 64-bit hash collision in {@link #flags}, which this check does not
   * have). Reads {@code bytes[start, start + 4)} only below {@code limit}. On log text it rejects about half of
   * the capitalised words ({@code Server}, {@code Request}); three letters rejected 14%.
   */
  public boolean mayBeListed(byte[] bytes, int start, int limit) {
    if (prefixes == null || start + PREFIX_LETTERS > limit) {
      return true;
    }
    int packed = 0;
    for (int i = start; i < start + PREFIX_LETTERS; i++) {
      int c = bytes[i] | 0x20;
      if (c < 'a' || c > 'z') {
        return true;
      }
      packed = (packed << SYMBOL_BITS) | (c - 'a' + 1);
    }
    return (prefixes[packed >>> 6] & (1L << packed)) != 0;
  }

  private static void addAll(long[] keys, byte[] flags, int[] size, List<String> names, int flag) {
    int mask = keys.length - 1;
    for (String name : names) {
      byte[] b = name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      if (b.length == 0) {
        continue;
      }
      long h = hash(b, 0, b.length);
      if (h == 0) {
        throw new IllegalArgumentException("name dictionary entry cannot be hashed (not letters): " + name.length() + " chars");
      }
      int slot = (int) mix(h) & mask;
      while (keys[slot] != 0 && keys[slot] != h) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == 0) {
        keys[slot] = h;
        size[0]++;
      }
      flags[slot] |= (byte) flag;
    }
  }

  static List<String> readList(String resource) {
    try (InputStream in = NameDictionary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("name dictionary resource not found on the classpath: " + resource);
      }
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          names.add(s);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read name dictionary " + resource, e);
    }
  }

  /** Number of distinct names. */
  public int size() {
    return size;
  }

  /** The flags of the name {@code bytes[start, end)} (any case, folded), or 0 when it is not listed. */
  public int flags(byte[] bytes, int start, int end) {
    if (end - start > MAX_NAME_BYTES) {
      return 0;
    }
    long h = hash(bytes, start, end);
    if (h == 0) {
      return 0;
    }
    int slot = (int) mix(h) & mask;
    long k;
    while ((k = keys[slot]) != 0) {
      if (k == h) {
        return flags[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /**
   * FNV-1a over the folded lower-case letters of {@code bytes[start, end)} ({@code '} and {@code -} kept);
   * 0 when the span holds anything else.
   */
  static long hash(byte[] bytes, int start, int end) {
    long h = FNV_OFFSET;
    int i = start;
    while (i < end) {
      int b = bytes[i] & 0xff;
      if (b >= 'A' && b <= 'Z') {
        h = (h ^ (b + 32)) * FNV_PRIME;
        i++;
      } else if ((b >= 'a' && b <= 'z') || b == '\'' || b == '-') {
        h = (h ^ b) * FNV_PRIME;
        i++;
      } else {
        int cp = LatinFold.letterAt(bytes, i, end);
        if (cp < 0) {
          return 0;
        }
        int f = LatinFold.folded(cp);
        h = (h ^ (f & 0xff)) * FNV_PRIME;
        if ((f >>> 8) != 0) {
          h = (h ^ (f >>> 8)) * FNV_PRIME;
        }
        i += 2;
      }
    }
    return h == 0 ? 1 : h;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return h ^ (h >>> 33);
  }
}

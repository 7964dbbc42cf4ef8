package dev.lagotto.agent.key;

/**
 * The site fingerprint key and where it came from.
 *
 * @param bytes the key; do not change
 * @param origin e.g. {@code LAGOTTO_KEY (hex)}, {@code --key-file /etc/lagotto/key (raw)}, {@code /root/.lagotto/key (raw)}
 * @param created whether the key was generated just now (the default key file did not exist)
 */
public record SiteKey(byte[] bytes, String origin, boolean created) {
  public SiteKey(byte[] bytes, String origin) {
    this(bytes, origin, false);
  }
}

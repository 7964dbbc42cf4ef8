package dev.lagotto.agent.key;

/**
 * The site fingerprint key and where it came from.
 *
 * @param bytes the key; do not change
 * @param origin e.g. {@code LAGOTTO_KEY (hex)}, {@code --key-file /etc/lagotto/key}, {@code /root/.lagotto/key (created)}
 */
public record SiteKey(byte[] bytes, String origin) {}

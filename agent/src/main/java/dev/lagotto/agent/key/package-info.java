/**
 * The site fingerprint key: from the environment, a key file, or created once (under the user's home for
 * {@code lagotto scan}, in the data directory for {@code lagotto serve}), and its public key id.
 */
package dev.lagotto.agent.key;

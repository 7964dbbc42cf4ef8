/** The site fingerprint key: from the environment, a key file, or created once under the user's home. */
package dev.lagotto.agent.key;

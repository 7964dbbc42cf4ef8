/**
 * The validators as they were before they read matches from the bytes (commit ec7bd2f, classes renamed
 * {@code Ref*}): the frozen reference of {@code ByteValidatorsEquivalenceTest}, which checks that the byte paths
 * give the same factor for every input. Test scope only; not registered as validators.
 */
package dev.lagotto.core.validate.reference;

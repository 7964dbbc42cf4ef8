/**
 * The validators as they were before they read matches from the bytes (commit ec7bd2f, classes renamed
 * {@code Ref*}): the frozen reference of {@code ByteValidatorsEquivalenceTest}, which checks that the byte paths
 * give the same factor for every input. Test scope only; not registered as validators. Helpers whose String logic the
 * byte paths left unchanged ({@code MatchText}, {@code Luhn}, {@code BirthDates}) are called from main, not copied.
 */
package dev.lagotto.core.validate.reference;

/**
 * The rule index ({@link dev.lagotto.core.prefilter.Prefilter}): keyword and start-byte triggers of all
 * rules scanned in one pass over the bytes; {@link dev.lagotto.core.prefilter.Prefilter#NONE} is the
 * reference that runs every rule at every position.
 */
package dev.lagotto.core.prefilter;

/** The rule index: triggers of all rules scanned in one pass over the bytes. */
package dev.lagotto.core.prefilter;

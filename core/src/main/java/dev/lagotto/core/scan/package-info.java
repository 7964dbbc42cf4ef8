/**
 * The scanner ({@link dev.lagotto.core.scan.Scanner}): chunks of UTF-8 bytes in, resolved matches out (one
 * finding per span, see the overlap order in the Scanner javadoc); thread-safe, allocation-free in the
 * steady state, and identical with the rule index ({@code INDEXED}) and without it ({@code NONE}).
 */
package dev.lagotto.core.scan;

/**
 * The rule pattern dialect ({@link dev.lagotto.core.pattern.PatternDialect}, a subset of java.util.regex
 * with byte semantics), its compiler to trimmed (not minimized) byte DFAs
 * ({@link dev.lagotto.core.pattern.PatternCompiler}, {@link dev.lagotto.core.pattern.CompiledPattern}) and the hand-written matcher SPI
 * ({@link dev.lagotto.core.pattern.CustomMatcher}, {@link dev.lagotto.core.pattern.CustomMatchers}).
 */
package dev.lagotto.core.pattern;

/**
 * JMH benchmarks of the scan engine against its baselines ({@code java.util.regex} over the reference rules of
 * {@code ../shared/bench/rules.tsv}, the engine without its prefilter), the generated corpora they run on,
 * and small main classes that {@code benchmarks/compare.sh} times as whole processes. See
 * {@code benchmarks/README.md} for the commands.
 */
package dev.lagotto.benchmarks;

/**
 * Context scoring: hotwords, structured keys and negative words around a match ({@link
 * dev.lagotto.core.context.ContextScorer}), and CSV/TSV header columns as keys ({@link
 * dev.lagotto.core.context.CsvHeader}).
 */
package dev.lagotto.core.context;

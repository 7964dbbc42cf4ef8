/**
 * The accuracy evaluation: scans a labelled corpus written by {@code benchmarks/eval/gen_labelled.py} with the
 * real {@code Scanner} and the default rule pack, and scores the findings against the labels (precision,
 * recall and F1 per category, decoys reported per trap kind). See {@code benchmarks/eval/README.md}.
 */
package dev.lagotto.benchmarks.eval;

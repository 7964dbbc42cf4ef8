/** Findings, their masked and fingerprinted forms, and the per-category value normalisation. */
package dev.lagotto.core.finding;

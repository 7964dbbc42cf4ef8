/** The rule pattern dialect and its compiler to byte automata. */
package dev.lagotto.core.pattern;

package dev.lagotto.benchmarks;

import dev.lagotto.core.rule.Category;

/**
 * One rule of the reference rule set {@code rules.tsv} that every peer tool runs.
 *
 * @param index the rule's position in the file (0-based); the JDK alternation puts it in capture group
 *     {@code index + 1}
 * @param name the rule's name in the file, e.g. {@code us_ssn}
 * @param regex the rule in the shared dialect (no capture groups, no lookaround)
 * @param category the Lagotto category the rule stands for
 */
public record ReferenceRule(int index, String name, String regex, Category category) {}

/** The rule model ({@link dev.lagotto.core.rule.Rule}), the category vocabulary and the strict YAML rule-pack loader. */
package dev.lagotto.core.rule;

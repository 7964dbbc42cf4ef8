/**
 * Person names: the {@code person_name} {@link dev.lagotto.core.pattern.CustomMatcher} and the first-name,
 * surname and common-word dictionaries it checks (shipped under {@code dev/lagotto/rules/dict/} in the rules
 * module, with their sources and licences). Lookups hash a byte span into a primitive open-addressing table
 * and never allocate.
 */
package dev.lagotto.core.names;

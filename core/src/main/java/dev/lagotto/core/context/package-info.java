/** Context scoring: hotwords, structured keys and negative context around a match. */
package dev.lagotto.core.context;

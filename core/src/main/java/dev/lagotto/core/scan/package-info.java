/** The scanner: chunks in, resolved matches out; thread-safe and allocation-free in the steady state. */
package dev.lagotto.core.scan;

/**
 * Validators, registered by name through SPI ({@code META-INF/services}); each class is both the
 * {@link dev.lagotto.core.validate.ValidatorProvider} and the {@link dev.lagotto.core.validate.Validator}. A
 * validator returns a confidence factor: 0 drops the match, 1 keeps it, in between lowers its confidence. The
 * validators of the default pack read the common shapes of a match from its bytes without allocating; the
 * {@code String} logic they keep for rare shapes is checked against them by {@code ByteValidatorsEquivalenceTest}.
 * Reusable helpers: {@link dev.lagotto.core.validate.IpAddresses} (parse, classify, canonical text),
 * {@link dev.lagotto.core.validate.GeoCoordinates} (lat/lon text to decimal degrees),
 * {@link dev.lagotto.core.validate.BirthDates}, {@link dev.lagotto.core.validate.Luhn},
 * {@link dev.lagotto.core.validate.PhoneNumbers} (libphonenumber's parse and validity with the same results,
 * from its metadata compiled to digit automata; {@code PhoneRegion} and {@code DigitAutomaton} are its parts).
 */
package dev.lagotto.core.validate;

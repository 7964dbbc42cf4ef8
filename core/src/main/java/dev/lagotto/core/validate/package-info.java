/** Validators, registered by name through SPI; a validator that says no drops the match. */
package dev.lagotto.core.validate;

/**
 * The HTTP client of the central index used by the agent's reporter and enrolment and by the
 * {@code lagotto search} and {@code lagotto subject} commands.
 */
package dev.lagotto.agent.client;

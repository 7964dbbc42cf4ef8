/**
 * Small building blocks shared by the CLI, the agent daemon and the server: crash-safe owner-only file
 * writes ({@link dev.lagotto.agent.support.DurableFiles}) and the size and duration forms of options and
 * configuration ({@link dev.lagotto.agent.support.ConfigValues}).
 */
package dev.lagotto.agent.support;

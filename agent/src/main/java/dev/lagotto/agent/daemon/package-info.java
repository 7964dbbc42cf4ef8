/**
 * The agent daemon ({@code lagotto agent}): strict YAML configuration, log tailing with rotation and
 * durable checkpoints, incremental tree scans (with present/rescanned/deleted source lines so the index can
 * close what is gone and keep what is still there), scheduled database scans, aggregation of findings into exposures, a durable on-disk
 * spool that doubles as the write-ahead log of the agent's own state, and the reporter that delivers the
 * spool to the central index at least once. Raw values never leave the scanning thread: only masked forms
 * and fingerprints reach the spool, the wire and the agent's log.
 */
package dev.lagotto.agent.daemon;

/**
 * A scan of files, directory trees, standard input ({@link dev.lagotto.agent.scan.ScanRun}) and databases
 * ({@link dev.lagotto.agent.scan.DatabaseRun}): walking, filtering, threads and counters.
 */
package dev.lagotto.agent.scan;

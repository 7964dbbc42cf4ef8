package dev.lagotto.agent.server.store;

/**
 * Size figures of a store, for metrics.
 *
 * @param exposures exposure documents
 * @param batchesRemembered applied batch ids currently remembered for idempotency
 * @param sizeBytes bytes on disk
 */
public record StoreStats(long exposures, long batchesRemembered, long sizeBytes) {}

package dev.lagotto.agent.server.store;

/**
 * What a purge removed.
 *
 * @param exposures exposures not seen since the cutoff
 * @param batchIds remembered batch ids older than {@link ExposureStore#BATCH_ID_MEMORY}
 */
public record PurgeResult(long exposures, long batchIds) {}

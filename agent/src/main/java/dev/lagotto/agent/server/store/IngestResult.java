package dev.lagotto.agent.server.store;

/**
 * What applying a batch did.
 *
 * @param batchId the batch id
 * @param duplicate true when the batch had already been applied, so nothing changed
 * @param observations observations in the batch
 * @param exposures distinct exposures the batch touched (0 for a duplicate)
 */
public record IngestResult(String batchId, boolean duplicate, int observations, int exposures) {}

/**
 * The central index's storage: exposure documents (one per host, source, place, category, rule and
 * fingerprint) behind {@link dev.lagotto.agent.server.store.ExposureStore}, with an embedded Lucene
 * implementation that applies batches idempotently and acknowledges them only after a durable commit.
 */
package dev.lagotto.agent.server.store;

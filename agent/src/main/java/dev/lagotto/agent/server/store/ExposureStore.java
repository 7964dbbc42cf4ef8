package dev.lagotto.agent.server.store;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The central index of exposures. Implementations are thread-safe: any number of threads may ingest and
 * read at once. Queries use Lucene classic syntax over the fields of {@link ExposureFields}.
 *
 * <p>Contract for writers: {@link #ingest} returns only once the batch is durable (it survives a crash of
 * the process or the machine), applies the batch all-or-nothing, and applies a batch id at most once for
 * {@link #BATCH_ID_MEMORY}; a resend within that time is answered as a duplicate and changes nothing.
 */
public interface ExposureStore extends Closeable {

  /** How long applied batch ids are remembered; a resend older than this would be counted again. */
  Duration BATCH_ID_MEMORY = Duration.ofDays(30);

  /** Applies a batch durably and idempotently (see the interface contract). */
  IngestResult ingest(Batch batch) throws IOException;

  /** One page of exposures matching a query; throws {@link InvalidQueryException} for a bad query or sort. */
  SearchPage search(SearchRequest request) throws IOException;

  /**
   * Exposure counts by value for each facet dimension ({@code category}, {@code host}, {@code rule},
   * {@code kind}), most frequent first, at most {@code topN} values per dimension.
   */
  Map<String, Map<String, Long>> facets(String query, int topN) throws IOException;

  /** Every exposure whose (category, fingerprint) is one of the given pairs, at most {@code limit}. */
  List<Exposure> findByFingerprints(Map<String, String> fingerprintByCategory, int limit) throws IOException;

  /** Streams every exposure matching a query to a sink; returns how many were streamed. */
  long export(String query, ExposureSink sink) throws IOException;

  /** Durably deletes every exposure of a host; returns how many were deleted. */
  long deleteHost(String host) throws IOException;

  /**
   * Durably deletes exposures last seen before {@code notSeenSince} (none when it is {@code null}) and
   * applied batch ids older than {@link #BATCH_ID_MEMORY}.
   */
  PurgeResult purge(Instant notSeenSince) throws IOException;

  /** Current size figures. */
  StoreStats stats() throws IOException;
}

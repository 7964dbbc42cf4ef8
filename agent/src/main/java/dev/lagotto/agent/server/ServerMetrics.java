package dev.lagotto.agent.server;

import dev.lagotto.agent.server.store.StoreStats;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the server, rendered in the Prometheus text format (0.0.4). Thread-safe, lock-free. */
final class ServerMetrics {
  final LongAdder batchesApplied = new LongAdder();
  final LongAdder batchesDuplicate = new LongAdder();
  final LongAdder batchesRejected = new LongAdder();
  final LongAdder findings = new LongAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder purged = new LongAdder();

  /** The text exposition, with the store's current size figures. */
  String render(StoreStats stats) {
    StringBuilder out = new StringBuilder(1024);
    out.append("# HELP lagotto_batches_total Finding batches received, by result.\n")
        .append("# TYPE lagotto_batches_total counter\n")
        .append("lagotto_batches_total{result=\"applied\"} ").append(batchesApplied.sum()).append('\n')
        .append("lagotto_batches_total{result=\"duplicate\"} ").append(batchesDuplicate.sum()).append('\n')
        .append("lagotto_batches_total{result=\"rejected\"} ").append(batchesRejected.sum()).append('\n');
    counter(out, "lagotto_findings_total", "Finding lines applied to the index (duplicates excluded).", findings.sum());
    counter(out, "lagotto_http_requests_total", "HTTP requests served.", requests.sum());
    counter(out, "lagotto_errors_total", "Requests that failed with a server error (5xx).", errors.sum());
    counter(out, "lagotto_retention_purged_total", "Exposures deleted by retention.", purged.sum());
    gauge(out, "lagotto_index_size_bytes", "Bytes of the index on disk.", stats.sizeBytes());
    gauge(out, "lagotto_index_docs", "Exposure documents in the index.", stats.exposures());
    gauge(out, "lagotto_batch_ids_remembered", "Applied batch ids remembered for idempotency.", stats.batchesRemembered());
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" gauge\n")
        .append(name).append(' ').append(value).append('\n');
  }
}

package dev.lagotto.agent.scan;

import java.util.Map;

/**
 * The counts of a finished (or running) scan.
 *
 * @param scanned sources read to their end (a database counts as one source)
 * @param skipped sources not read by policy (binary, empty, too large, not a regular file, symlink), archive
 *     entries of an unsupported format included
 * @param failed sources not (fully) read because of an error, unreadable archive entries included
 * @param excluded files and pruned directories left out by {@code --include}/{@code --exclude}
 * @param bytes bytes of text scanned (decompressed)
 * @param findings findings reported
 * @param findingsByCategory findings per category id, sorted by id
 * @param skipReasons skipped sources per reason, sorted
 * @param failReasons failed sources per reason, sorted
 * @param elapsedSeconds wall time since the scan started
 * @param keyOrigin where the fingerprint key came from, e.g. {@code LAGOTTO_KEY (hex)}
 * @param tablesScanned database tables whose sample was read to the end
 * @param tablesSkipped database tables not scanned, or not completely
 * @param tableSkipReasons skipped tables (and unreadable columns) per reason, sorted
 * @param rowsScanned database rows read
 * @param entriesSkipped archive entries (and attachments, embedded documents) among {@code skipped}
 * @param entriesFailed archive entries (and attachments, embedded documents) among {@code failed}
 */
public record ScanSummary(
    long scanned,
    long skipped,
    long failed,
    long excluded,
    long bytes,
    long findings,
    Map<String, Long> findingsByCategory,
    Map<String, Long> skipReasons,
    Map<String, Long> failReasons,
    double elapsedSeconds,
    String keyOrigin,
    long tablesScanned,
    long tablesSkipped,
    Map<String, Long> tableSkipReasons,
    long rowsScanned,
    long entriesSkipped,
    long entriesFailed) {}

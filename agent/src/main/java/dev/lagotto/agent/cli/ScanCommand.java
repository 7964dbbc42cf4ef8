package dev.lagotto.agent.cli;

import dev.lagotto.agent.key.KeyException;
import dev.lagotto.agent.key.SiteKey;
import dev.lagotto.agent.key.SiteKeys;
import dev.lagotto.agent.output.GroupedReport;
import dev.lagotto.agent.output.OutputFormat;
import dev.lagotto.agent.output.ProgressLine;
import dev.lagotto.agent.output.ReportWriter;
import dev.lagotto.agent.scan.DatabaseRun;
import dev.lagotto.agent.scan.ScanOptions;
import dev.lagotto.agent.scan.ScanRun;
import dev.lagotto.agent.scan.ScanStats;
import dev.lagotto.agent.scan.ScanSummary;
import dev.lagotto.core.extract.ChunkedReader;
import dev.lagotto.core.extract.ContentHandler;
import dev.lagotto.core.extract.ContentHandlers;
import dev.lagotto.core.extract.SourceReader;
import dev.lagotto.core.extract.TextScanner;
import dev.lagotto.core.extract.document.ExtractLimits;
import dev.lagotto.core.extract.document.TikaContentHandler;
import dev.lagotto.core.extract.jdbc.DatabaseScanner;
import dev.lagotto.core.extract.jdbc.JdbcScanOptions;
import dev.lagotto.core.extract.jdbc.JdbcUris;
import dev.lagotto.core.finding.FindingFactory;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lagotto scan}: parses the options, builds the engine, runs a {@link ScanRun}, returns the exit code. */
@Command(name = ScanCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
    description = "Scan files, directories (recursively), documents, archives, gzip files, standard input (-) and databases (JDBC URIs) for personal data.")
public final class ScanCommand implements Callable<Integer> {
  public static final String NAME = "scan";

  private final CliEnvironment env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "1..*",
      description = "A file, a directory (scanned recursively), - for standard input, or a JDBC URI (jdbc:sqlite:FILE, jdbc:postgresql://..., jdbc:mariadb://..., jdbc:mysql://..., jdbc:h2:...).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table, jsonl or sarif (default: table on a terminal, else jsonl).")
  OutputFormat format;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "Scan only files (found in directories) matching GLOB; repeatable. A GLOB without / matches the file name.")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files and directories matching GLOB; repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--max-file-size", paramLabel = "SIZE", converter = Converters.Size.class,
      description = "Skip files larger than SIZE on disk (e.g. 10M, 1G; default: no limit).")
  Long maxFileSize;

  @Option(names = "--follow-symlinks", description = "Follow symbolic links inside directories (loops are detected).")
  boolean followSymlinks;

  @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel (default: all cores).")
  Integer threads;

  @Option(names = "--reveal", description = "Also output the raw matched value (local use only).")
  boolean reveal;

  @Option(names = "--min-confidence", paramLabel = "X", description = "Report findings with confidence >= X (0..1, default 0.5).")
  double minConfidence = ScanSettings.DEFAULT_MIN_CONFIDENCE;

  @Option(names = "--categories", paramLabel = "LIST", split = ",", converter = Converters.CategoryId.class,
      description = "Only these categories, comma-separated (e.g. email,ipv4).")
  List<Category> categories;

  @Mixin
  RulePackOptions rulePack = new RulePackOptions();

  @Option(names = "--fail-on-findings", description = "Exit with 1 when anything is found.")
  boolean failOnFindings;

  @Option(names = "--key-file", paramLabel = "FILE", description = "The fingerprint key file (default: LAGOTTO_KEY, else ~/.lagotto/key).")
  Path keyFile;

  @Option(names = "--parse-timeout", paramLabel = "SECONDS",
      description = "Time limit of one document parse; past it the document is skipped as timeout (default: 60).")
  Integer parseTimeout;

  @Option(names = "--max-archive-depth", paramLabel = "N",
      description = "Archives, compressed streams and documents with attachments nested deeper than N are not opened (too deep; default: 5).")
  Integer maxArchiveDepth;

  @Option(names = "--max-extracted-chars", paramLabel = "N", converter = Converters.Size.class,
      description = "Characters of text extracted per document, e.g. 32M; the rest is cut (too large; default: 32M).")
  Long maxExtractedChars;

  @Option(names = "--max-archive-bytes", paramLabel = "SIZE", converter = Converters.Size.class,
      description = "Bytes expanded from one file, all nesting levels together (too large; default: 1G).")
  Long maxArchiveBytes;

  @Option(names = "--max-compression-ratio", paramLabel = "N",
      description = "Expanded/compressed ratio past which an entry is a zip bomb (checked after 1 MiB; default: 100).")
  Integer maxCompressionRatio;

  @Option(names = "--max-archive-entries", paramLabel = "N",
      description = "Archive entries and embedded documents opened per file (too many entries; default: 10000).")
  Integer maxArchiveEntries;

  @Option(names = "--user", paramLabel = "NAME", description = "Databases: the user name (default: the URI's or the driver's).")
  String dbUser;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "Databases: read the password from environment variable VAR (never on the command line).")
  String passwordEnv;

  @Option(names = "--include-tables", paramLabel = "GLOB,...",
      description = "Databases: only these tables (* and ?, case-insensitive; schema.table when the glob has a dot).")
  String includeTables;

  @Option(names = "--exclude-tables", paramLabel = "GLOB,...", description = "Databases: never these tables (wins over includes).")
  String excludeTables;

  @Option(names = "--sample-rows", paramLabel = "N|all", description = "Databases: rows read per table (default: 10000).")
  String sampleRows;

  @Option(names = "--per-row", description = "Databases: also report each matching cell (location.row = key).")
  boolean perRow;

  @Option(names = "--statement-timeout", paramLabel = "SECONDS",
      description = "Databases: time limit of each sample query; a table past it is skipped as timeout (default: 60).")
  Integer statementTimeout;

  @Option(names = "--verbose", description = "Print the stack trace of an internal error (otherwise one line).")
  boolean verbose;

  public ScanCommand(CliEnvironment env) {
    this.env = env;
  }

  /** Whether {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws InterruptedException {
    StartupClock clock = StartupClock.fromSystemProperty();
    clock.lap("jvm and options");
    int threadCount = threads == null ? Math.max(1, env.cores()) : threads;
    if (threadCount < 1) {
      throw new UsageException("--threads " + threads + ": must be at least 1");
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new UsageException("--min-confidence " + minConfidence + ": must be between 0 and 1");
    }
    List<String> files = sources.stream().filter(s -> !JdbcUris.isJdbc(s)).toList();
    List<JdbcScanOptions> databases = new ArrayList<>();
    for (String uri : sources) {
      if (JdbcUris.isJdbc(uri)) {
        try {
          databases.add(JdbcScanOptions.fromCli(uri, dbUser, passwordEnv, includeTables, excludeTables, sampleRows,
              perRow, statementTimeout, reveal));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage(), e);
        }
      }
    }
    ExtractLimits limits = extractLimits();
    RulePack pack = rulePack.load();
    clock.lap("rules loaded");
    ScanSettings settings = ScanSettings.DEFAULTS.withMinConfidence(minConfidence)
        .withCategories(categories == null ? EnumSet.allOf(Category.class) : EnumSet.copyOf(categories));
    Scanner scanner;
    try {
      scanner = Scanner.build(pack, settings);
    } catch (IllegalArgumentException e) {
      throw new UsageException("cannot build the rule engine: " + e.getMessage(), e);
    }
    clock.lap("engine built (" + scanner.ruleCount() + " rules)");
    SiteKey key;
    try {
      key = SiteKeys.resolve(env.env(), keyFile, env.home());
    } catch (KeyException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (key.created()) {
      spec.commandLine().getErr().println("lagotto: created the fingerprint key " + key.origin()
          + "; keep it: fingerprints compare only under the same key");
    }
    clock.lap("key");
    Fingerprinter fingerprinter = new Fingerprinter(key.bytes());
    FindingFactory factory = new FindingFactory(fingerprinter, reveal);
    List<ContentHandler> handlers = ContentHandlers.with(List.of(new TikaContentHandler(limits)));
    SourceReader reader = new SourceReader(new TextScanner(scanner, ChunkedReader.defaults()), factory, handlers);
    OutputFormat chosen = format != null ? format : env.stdoutTerminal() ? OutputFormat.TABLE : OutputFormat.JSONL;
    PrintWriter out = spec.commandLine().getOut();
    ReportWriter writer = chosen.writer(out, reveal);
    ScanStats stats = new ScanStats(key.origin());
    GroupedReport report = new GroupedReport(writer, stats, minConfidence);
    ScanOptions options = new ScanOptions(includes, excludes, maxFileSize == null ? -1 : maxFileSize, followSymlinks, threadCount);
    report.exclusive(w -> w.begin(pack));
    clock.lap("readers");
    ProgressLine progress = env.stderrTerminal() ? ProgressLine.start(report, spec.commandLine().getErr()) : null;
    try {
      if (!files.isEmpty()) {
        new ScanRun(options, reader, env.opener(), env.stdin(), env.hostname()).run(files, report);
      }
      if (!databases.isEmpty()) {
        new DatabaseRun(new DatabaseScanner(scanner, fingerprinter, env.hostname()), env.env()::get, env.hostname(),
            spec.commandLine().getErr(), settings.categories()).run(databases, report);
      }
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    clock.lap("scanned");
    ScanSummary summary = stats.snapshot();
    report.exclusive(w -> w.summary(summary));
    clock.lap("summary");
    clock.print(spec.commandLine().getErr());
    return ExitCodes.forScan(summary.findings(), summary.failed() + tablesNotRead(summary), failOnFindings);
  }

  /**
   * Database tables (or columns) that could not be read: each was left out of the answer for a reason other
   * than policy (no permission, timeout, dropped, unreadable type), so the scan did not see all the data.
   */
  private static long tablesNotRead(ScanSummary summary) {
    return summary.tableSkipReasons().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The document and archive limits from the options; a value below 1 is a usage error naming the option. */
  private ExtractLimits extractLimits() {
    ExtractLimits limits = ExtractLimits.defaults();
    if (parseTimeout != null) {
      limits = limits.withParseTimeout(Duration.ofSeconds(atLeastOne("--parse-timeout", parseTimeout)));
    }
    if (maxArchiveDepth != null) {
      limits = limits.withMaxDepth((int) atLeastOne("--max-archive-depth", maxArchiveDepth));
    }
    if (maxExtractedChars != null) {
      if (maxExtractedChars > Integer.MAX_VALUE) {
        throw new UsageException("--max-extracted-chars " + maxExtractedChars + ": at most " + Integer.MAX_VALUE);
      }
      limits = limits.withMaxChars((int) atLeastOne("--max-extracted-chars", maxExtractedChars));
    }
    if (maxArchiveBytes != null) {
      limits = limits.withMaxExpandedBytes(atLeastOne("--max-archive-bytes", maxArchiveBytes));
    }
    if (maxCompressionRatio != null) {
      limits = limits.withMaxCompressionRatio((int) atLeastOne("--max-compression-ratio", maxCompressionRatio));
    }
    if (maxArchiveEntries != null) {
      limits = limits.withMaxEntries((int) atLeastOne("--max-archive-entries", maxArchiveEntries));
    }
    return limits;
  }

  private static long atLeastOne(String option, long value) {
    if (value < 1) {
      throw new UsageException(option + " " + value + ": must be at least 1");
    }
    return value;
  }
}

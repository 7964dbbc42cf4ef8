package dev.lagotto.benchmarks.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lagotto.core.extract.ChunkedReader;
import dev.lagotto.core.extract.TextScanner;
import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The accuracy evaluation's entry point: scans a labelled corpus with the default rule pack and default settings
 * ({@link ScanSettings#DEFAULTS}: indexed prefilter, all categories) through the file-scan path ({@link TextScanner}
 * over a {@link ChunkedReader}: overlapping chunks of {@link ChunkedReader#DEFAULT_CHUNK_SIZE}), and scores the
 * findings against the labels (see {@link Scorer}). The corpus is held in memory
 * (at most {@link #MAX_CORPUS_BYTES}). Prints the markdown tables and writes {@code accuracy.json}.
 *
 * <p>Run: {@code python3 benchmarks/eval/gen_labelled.py --variant eval --size-mib 16 --out /tmp/eval.log} then
 * {@code java -cp benchmarks/target/benchmarks.jar dev.lagotto.benchmarks.eval.AccuracyEval --corpus /tmp/eval.log}
 * (labels default to {@code CORPUS.labels.jsonl}; options {@code --labels FILE}, {@code --out DIR} (default
 * {@code benchmarks/target/eval}), {@code --chunk-kib N}, {@code --examples N}, {@code --commit SHA}).
 */
public final class AccuracyEval {
  /** Report range of one chunk, as a file scan uses. */
  public static final int DEFAULT_CHUNK_BYTES = ChunkedReader.DEFAULT_CHUNK_SIZE;
  /** The largest corpus held in memory. */
  public static final long MAX_CORPUS_BYTES = Integer.MAX_VALUE - 64;
  /** Where the JSON goes unless {@code --out} says otherwise. */
  public static final Path DEFAULT_OUT = Path.of("benchmarks", "target", "eval");

  private AccuracyEval() {}

  /**
   * Scans {@code corpus} with {@code scanner} in chunks of {@code chunkBytes} and scores the findings against
   * {@code labels}, keeping up to {@code examples} example snippets per category.
   */
  public static AccuracyReport evaluate(byte[] corpus, Labels labels, Scanner scanner, int chunkBytes, int examples) {
    Scorer scorer = new Scorer(corpus, labels, examples);
    TextScanner text = new TextScanner(scanner, new ChunkedReader(chunkBytes, ChunkedReader.DEFAULT_OVERLAP));
    long t0 = System.nanoTime();
    try {
      text.scan(new ByteArrayInputStream(corpus), (rule, confidence, bytes, start, end, line, column, offset) ->
          scorer.finding(rule.category().id(), rule.id(), offset, offset + (end - start)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory corpus", e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return scorer.report(corpus.length, seconds);
  }

  /** The scanner the evaluation uses: the default pack under the default settings. */
  public static Scanner defaultScanner() throws RuleLoadException {
    RulePack pack = RulePackLoader.loadDefault();
    return Scanner.build(pack, ScanSettings.DEFAULTS);
  }

  /** Reads a corpus (gzip when the name ends in {@code .gz}) into memory. */
  public static byte[] readCorpus(Path file) throws IOException {
    if (!file.toString().endsWith(".gz")) {
      if (Files.size(file) > MAX_CORPUS_BYTES) {
        throw new IOException(file + " is larger than " + MAX_CORPUS_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      return in.readNBytes((int) MAX_CORPUS_BYTES);
    }
  }

  /** The labels file beside a corpus: {@code eval.log} gives {@code eval.log.labels.jsonl}, {@code .gz} kept. */
  public static Path labelsBeside(Path corpus) {
    String name = corpus.getFileName().toString();
    String labels = name.endsWith(".gz")
        ? name.substring(0, name.length() - 3) + ".labels.jsonl.gz"
        : name + ".labels.jsonl";
    return corpus.resolveSibling(labels);
  }

  /** The JSON document written by {@link #main}. */
  public static ObjectNode toJson(AccuracyReport report, String corpus, String commit) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("corpus", corpus);
    root.put("engine_commit", commit);
    root.put("settings", "DEFAULTS (INDEXED, all categories, min confidence " + ScanSettings.DEFAULT_MIN_CONFIDENCE
        + ", region US, private IPs reported)");
    root.put("bytes", report.bytes());
    root.put("findings", report.findings());
    root.put("seconds", Math.round(report.seconds() * 1000) / 1000.0);
    ObjectNode cats = root.putObject("categories");
    report.categories().forEach((c, s) -> score(cats.putObject(c), s));
    score(root.putObject("total"), report.total());
    ObjectNode subs = root.putObject("subs");
    report.subs().forEach((k, s) -> subs.putObject(k).put("items", s.items()).put("found", s.found())
        .put("recall", round(s.recall())));
    ObjectNode rules = root.putObject("rules");
    report.rules().forEach((k, s) -> rules.putObject(k).put("findings", s.findings())
        .put("true_positives", s.truePositives()));
    ObjectNode decoys = root.putObject("decoys");
    report.decoys().forEach((k, d) -> decoys.putObject(k).put("planted", d.planted()).put("reported", d.reported()));
    root.set("false_positive_reasons", json.valueToTree(report.falsePositiveReasons()));
    root.set("false_positive_examples", json.valueToTree(report.falsePositiveExamples()));
    root.set("missed_examples", json.valueToTree(report.missedExamples()));
    return root;
  }

  private static void score(ObjectNode o, Score s) {
    o.put("items", s.items()).put("found", s.found()).put("findings", s.findings())
        .put("true_positives", s.truePositives()).put("false_positives", s.falsePositives())
        .put("false_negatives", s.falseNegatives()).put("precision", round(s.precision()))
        .put("recall", round(s.recall())).put("f1", round(s.f1()));
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path corpus = Path.of(opts.get("--corpus"));
    Path labelsFile = opts.containsKey("--labels") ? Path.of(opts.get("--labels")) : labelsBeside(corpus);
    Path out = opts.containsKey("--out") ? Path.of(opts.get("--out")) : DEFAULT_OUT;
    int chunk = opts.containsKey("--chunk-kib") ? Integer.parseInt(opts.get("--chunk-kib")) * 1024 : DEFAULT_CHUNK_BYTES;
    int examples = Integer.parseInt(opts.getOrDefault("--examples", "0"));
    String commit = opts.getOrDefault("--commit", "unknown");

    byte[] bytes = readCorpus(corpus);
    Labels labels = Labels.read(labelsFile);
    AccuracyReport report = evaluate(bytes, labels, defaultScanner(), chunk, examples);
    PrintStream o = System.out;
    o.printf(Locale.ROOT, "corpus %s (%d bytes, %d labels), engine commit %s, %d findings in %.2f s%n%n", corpus,
        report.bytes(), labels.all().size(), commit, report.findings(), report.seconds());
    o.print(report.toMarkdown());
    if (examples > 0) {
      o.println("\nfalse positives (examples):");
      report.falsePositiveExamples().forEach((c, l) -> l.forEach(e -> o.println("  " + c + ": " + e)));
      o.println("\nmissed (examples):");
      report.missedExamples().forEach((c, l) -> l.forEach(e -> o.println("  " + c + ": " + e)));
    }
    Files.createDirectories(out);
    Path json = out.resolve("accuracy.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(json.toFile(), toJson(report, corpus.toString(), commit));
    o.println("\nwrote " + json);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new java.util.HashMap<>();
    java.util.Set<String> known = java.util.Set.of("--corpus", "--labels", "--out", "--chunk-kib", "--examples",
        "--commit");
    for (int i = 0; i < args.length; i++) {
      if (!known.contains(args[i]) || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: AccuracyEval --corpus FILE [--labels FILE] [--out DIR]"
            + " [--chunk-kib N] [--examples N] [--commit SHA] (bad or incomplete option '" + args[i] + "')");
      }
      opts.put(args[i], args[++i]);
    }
    if (!opts.containsKey("--corpus")) {
      throw new IllegalArgumentException("--corpus FILE is required");
    }
    return opts;
  }
}

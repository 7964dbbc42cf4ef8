package dev.lagotto.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark corpora: files written by {@code gen_corpus.py} at the fixed seed {@value #SEED}, cached as
 * {@code benchmarks/target/corpus/<variant>-<sizeMiB>.log} beside the generator's manifest, and reused while
 * that manifest matches (seed, variant, size, generator version, file length). Generating costs one Python
 * run per (variant, size), about 10 s for 256 MiB; a cached corpus costs one small JSON read.
 *
 * <p>Where things are found: the generator and {@code rules.tsv} in the directory named by the system
 * property {@value #BENCH_DIR_PROPERTY} or the environment variable {@value #BENCH_DIR_ENV}, else
 * {@code ../shared/bench} next to the repository root, else {@value #DEFAULT_BENCH_DIR}. The cache directory
 * can be moved with {@value #CORPUS_DIR_PROPERTY} / {@value #CORPUS_DIR_ENV}; the Python interpreter is
 * {@value #DEFAULT_PYTHON} on the {@code PATH} unless {@value #PYTHON_PROPERTY} names another.
 *
 * <p>Safe for concurrent callers (JMH forks, the smoke test and compare.sh may race): a corpus is written under
 * a temporary name and moved into place, its manifest last, so a reader never sees half a file.
 */
public final class Corpora {
  public static final String SEED = "lagotto-bench-2026";
  public static final List<String> VARIANTS = List.of("clean", "main");
  public static final int MAX_SIZE_MIB = 8192;
  public static final String BENCH_DIR_PROPERTY = "lagotto.bench.dir";
  public static final String BENCH_DIR_ENV = "LAGOTTO_BENCH_DIR";
  public static final String CORPUS_DIR_PROPERTY = "lagotto.bench.corpusDir";
  public static final String CORPUS_DIR_ENV = "LAGOTTO_CORPUS_DIR";
  public static final String PYTHON_PROPERTY = "lagotto.bench.python";
  public static final String DEFAULT_PYTHON = "python3";
  public static final String DEFAULT_BENCH_DIR = "/work/shared/bench";
  public static final String GENERATOR = "gen_corpus.py";
  public static final String RULES = "rules.tsv";
  static final long GENERATION_TIMEOUT_MINUTES = 20;
  private static final Pattern GENERATOR_VERSION = Pattern.compile("(?m)^GENERATOR_VERSION\\s*=\\s*\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpora() {}

  /** The directory holding {@value #GENERATOR} and {@value #RULES}; fails naming every place looked at. */
  public static Path benchDir() {
    String configured = firstNonBlank(System.getProperty(BENCH_DIR_PROPERTY), System.getenv(BENCH_DIR_ENV));
    if (configured != null) {
      Path dir = Path.of(configured).toAbsolutePath();
      if (!Files.isRegularFile(dir.resolve(GENERATOR))) {
        throw new IllegalStateException(GENERATOR + " not found in " + dir + " (set by -D" + BENCH_DIR_PROPERTY
            + " or $" + BENCH_DIR_ENV + ")");
      }
      return dir;
    }
    List<Path> tried = new ArrayList<>();
    repoRoot().ifPresent(root -> tried.add(root.resolve("../shared/bench").normalize()));
    tried.add(Path.of(DEFAULT_BENCH_DIR));
    for (Path dir : tried) {
      if (Files.isRegularFile(dir.resolve(GENERATOR))) {
        return dir;
      }
    }
    throw new IllegalStateException(GENERATOR + " not found; looked in " + tried + ". Point -D" + BENCH_DIR_PROPERTY
        + " or $" + BENCH_DIR_ENV + " at the directory holding " + GENERATOR + " and " + RULES);
  }

  /** The reference rule set {@value #RULES} beside the generator. */
  public static Path rulesTsv() {
    Path tsv = benchDir().resolve(RULES);
    if (!Files.isRegularFile(tsv)) {
      throw new IllegalStateException(RULES + " not found in " + tsv.getParent());
    }
    return tsv;
  }

  /** The repository root (the directory holding {@code benchmarks/pom.xml}) above the working directory or this jar. */
  public static Optional<Path> repoRoot() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    java.security.CodeSource source = Corpora.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        starts.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a file location: the working directory is the only start
      }
    }
    for (Path start : starts) {
      for (Path p = start; p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("benchmarks/pom.xml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Where corpora are cached. */
  public static Path corpusDir() {
    String configured = firstNonBlank(System.getProperty(CORPUS_DIR_PROPERTY), System.getenv(CORPUS_DIR_ENV));
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    return repoRoot().map(r -> r.resolve("benchmarks/target/corpus"))
        .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "lagotto-bench-corpus"));
  }

  /** The corpus file of {@code variant} and {@code sizeMiB}, generated first if it is not cached. */
  public static Path corpus(String variant, int sizeMiB) throws IOException {
    if (!VARIANTS.contains(variant)) {
      throw new IllegalArgumentException("unknown corpus variant '" + variant + "' (known: " + VARIANTS + ")");
    }
    if (sizeMiB < 1 || sizeMiB > MAX_SIZE_MIB) {
      throw new IllegalArgumentException("corpus size " + sizeMiB + " MiB is not in 1.." + MAX_SIZE_MIB);
    }
    Path script = benchDir().resolve(GENERATOR);
    String version = generatorVersion(script);
    Path dir = corpusDir();
    Files.createDirectories(dir);
    Path out = dir.resolve(variant + "-" + sizeMiB + ".log");
    Path manifest = manifestOf(out);
    if (cached(out, manifest, variant, sizeMiB, version)) {
      return out;
    }
    generate(script, variant, sizeMiB, out, manifest);
    if (!cached(out, manifest, variant, sizeMiB, version)) {
      throw new IOException("generated corpus " + out + " does not match its manifest " + manifest);
    }
    return out;
  }

  /** The whole corpus file of {@code variant} and {@code sizeMiB} in memory. */
  public static byte[] read(String variant, int sizeMiB) throws IOException {
    return Files.readAllBytes(corpus(variant, sizeMiB));
  }

  /** The generator's manifest of a corpus file. */
  public static Path manifestOf(Path corpus) {
    return corpus.resolveSibling(corpus.getFileName() + ".manifest.json");
  }

  private static boolean cached(Path out, Path manifest, String variant, int sizeMiB, String version) throws IOException {
    if (!Files.isRegularFile(out) || !Files.isRegularFile(manifest)) {
      return false;
    }
    JsonNode m;
    try (InputStream in = Files.newInputStream(manifest)) {
      m = JSON.readTree(in);
    } catch (IOException e) {
      return false;
    }
    return SEED.equals(m.path("seed").asText())
        && variant.equals(m.path("variant").asText())
        && m.path("target_bytes").asLong(-1) == (long) sizeMiB << 20
        && (version == null || version.equals(m.path("generator_version").asText()))
        && m.path("bytes").asLong(-1) == Files.size(out);
  }

  private static String generatorVersion(Path script) throws IOException {
    Matcher m = GENERATOR_VERSION.matcher(Files.readString(script, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }

  private static void generate(Path script, String variant, int sizeMiB, Path out, Path manifest) throws IOException {
    String python = firstNonBlank(System.getProperty(PYTHON_PROPERTY), DEFAULT_PYTHON);
    String tmpName = out.getFileName() + ".tmp-" + ProcessHandle.current().pid();
    Path tmp = out.resolveSibling(tmpName);
    Path tmpManifest = out.resolveSibling(tmpName + ".manifest.json");
    List<String> command = List.of(python, script.toString(), "--variant", variant, "--size-mib",
        Integer.toString(sizeMiB), "--seed", SEED, "--out", tmp.toString(), "--manifest", tmpManifest.toString());
    System.err.println("[corpora] generating " + out + " with " + script);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run '" + python + "' to generate the benchmark corpus (" + e.getMessage()
          + "); install Python 3 (apt-get install -y python3) or name an interpreter with -D" + PYTHON_PROPERTY, e);
    }
    try {
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(GENERATION_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(GENERATOR + " did not finish within " + GENERATION_TIMEOUT_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ": " + output.strip());
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmpManifest, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating " + out, e);
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(tmpManifest);
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }

  /**
   * Prints the path of a corpus, generating it when needed: {@code java -cp benchmarks.jar
   * dev.lagotto.benchmarks.Corpora VARIANT SIZE_MIB}. Exit code 2 on bad arguments, 1 when it cannot be made.
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: Corpora VARIANT SIZE_MIB   (VARIANT one of " + VARIANTS + ")");
      System.exit(2);
    }
    try {
      System.out.println(corpus(args[0], Integer.parseInt(args[1])));
    } catch (IllegalArgumentException e) {
      System.err.println("Corpora: " + e.getMessage());
      System.exit(2);
    } catch (IOException | IllegalStateException e) {
      System.err.println("Corpora: " + e.getMessage());
      System.exit(1);
    }
  }
}

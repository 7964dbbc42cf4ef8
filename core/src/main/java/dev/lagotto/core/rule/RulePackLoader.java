package dev.lagotto.core.rule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lagotto.core.pattern.PatternCompiler;
import dev.lagotto.core.pattern.PatternException;
import dev.lagotto.core.scan.Chunk;
import dev.lagotto.core.scan.RuleCompileException;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Strict loader of rule packs: one YAML file per rule (DESIGN.md §5). Stateless and thread-safe. Every
 * problem is a {@link RuleLoadException} naming the file, the line and the reason: malformed YAML, an
 * unknown or duplicated field, a missing required field ({@code id}, {@code category}, {@code description},
 * exactly one of {@code pattern} and {@code matcher}), fewer than {@link #MIN_EXAMPLES} match or no-match
 * examples, an unknown category or boundary, a value out of range, a pattern outside the dialect, keywords
 * that do not occur in every match, an unknown validator, matcher or trigger. {@link #load(Path)} also runs
 * each rule's examples through the real {@link Scanner} ({@link #verifyExamples}) and rejects a rule whose
 * examples fail. The default pack is listed in the classpath resource {@value #DEFAULT_INDEX}.
 *
 * <p>Rule file fields: {@code id, category, description, pattern | matcher, boundary (none|word|alnum|digit,
 * default word), keywords | trigger, case_insensitive (default false), validators, context {words, keys,
 * negative, negative_suffix, window, boost, penalty, required}, confidence (default } {@value #DEFAULT_CONFIDENCE}{@code ),
 * exclude {values, patterns}, examples {match: [{text, find}], nomatch: [{text, why}]}}.
 */
public final class RulePackLoader {
  public static final String DEFAULT_INDEX = "dev/lagotto/rules/index.txt";
  /** Fewest match examples, and fewest no-match examples, a rule must carry. */
  public static final int MIN_EXAMPLES = 2;
  /** Confidence of a rule that does not set one. */
  public static final double DEFAULT_CONFIDENCE = 0.8;
  /** Largest context window accepted, in bytes. */
  public static final int MAX_CONTEXT_WINDOW = 1000;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_\\-]*");
  private static final YAMLFactory FACTORY = yamlFactory();
  /** The read of the default pack, set by the first {@link #loadDefault()}. */
  private static final AtomicReference<FutureTask<RulePack>> DEFAULT_PACK = new AtomicReference<>();

  private RulePackLoader() {}

  private static YAMLFactory yamlFactory() {
    YAMLFactory f = new YAMLFactory();
    f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return f;
  }

  /**
   * The default rule pack shipped in the rules module, parsed strictly (every check above except those of
   * compilation); its examples are not run. Its patterns are compiled, and its keywords proved, only when a
   * {@link Scanner} is built, and only for the categories that scanner selects: so {@code lagotto scan
   * --categories email} compiles the e-mail rules alone, and nothing is compiled twice. A defect there
   * cannot reach a user: the build's tests (DefaultPackExamplesTest, RulePackLoaderTest) compile every rule
   * of this pack and run its examples.
   *
   * <p>Read once per process (the pack is immutable and its resources do not change): every call returns
   * the same pack, or throws the same failure; a call while another thread reads it waits for that read.
   * So a launcher may start the read on a spare thread while it parses its command line.
   */
  public static RulePack loadDefault() throws RuleLoadException {
    FutureTask<RulePack> task = DEFAULT_PACK.get();
    if (task == null) {
      FutureTask<RulePack> mine = new FutureTask<>(RulePackLoader::readDefault);
      task = DEFAULT_PACK.compareAndExchange(null, mine);
      if (task == null) {
        task = mine;
        mine.run();
      }
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuleLoadException r) {
        throw new RuleLoadException(r);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RulePack readDefault() throws RuleLoadException {
    ClassLoader cl = RulePackLoader.class.getClassLoader();
    List<Rule> rules = new ArrayList<>();
    try (InputStream index = cl.getResourceAsStream(DEFAULT_INDEX)) {
      if (index == null) {
        throw new RuleLoadException("classpath:" + DEFAULT_INDEX, 0, "default rule pack index not found");
      }
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        String resource = "dev/lagotto/rules/" + name;
        try (InputStream in = cl.getResourceAsStream(resource)) {
          if (in == null) {
            throw new RuleLoadException("classpath:" + resource, 0, "listed in the index but missing");
          }
          rules.add(read(in.readAllBytes(), "classpath:" + resource, idOf(name), false).rule());
        }
      }
    } catch (IOException e) {
      throw new RuleLoadException("classpath:" + DEFAULT_INDEX, 0, e.getMessage());
    }
    return pack(rules);
  }

  /**
   * Every {@code *.yaml} file under {@code dir}, recursively, in path order, with every rule's examples
   * verified under {@link ScanSettings#DEFAULTS}.
   */
  public static RulePack load(Path dir) throws RuleLoadException {
    return load(dir, ScanSettings.DEFAULTS);
  }

  /** Like {@link #load(Path)}, verifying examples under {@code settings} (categories are ignored). */
  public static RulePack load(Path dir, ScanSettings settings) throws RuleLoadException {
    if (!Files.isDirectory(dir)) {
      throw new RuleLoadException(dir.toString(), 0, "not a directory");
    }
    List<Rule> rules = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList()) {
        Parsed parsed = read(Files.readAllBytes(p), p.toString(), idOf(p.getFileName().toString()), true);
        List<ExampleFailure> failures = verifyRule(parsed.rule(), settings);
        if (!failures.isEmpty()) {
          ExampleFailure f = failures.get(0);
          throw new RuleLoadException(p.toString(), parsed.line(f.pointer()), f.reason());
        }
        rules.add(parsed.rule());
      }
    } catch (IOException e) {
      throw new RuleLoadException(dir.toString(), 0, "cannot read: " + e.getMessage());
    }
    return pack(rules);
  }

  private static RulePack pack(List<Rule> rules) throws RuleLoadException {
    try {
      return new RulePack(rules);
    } catch (IllegalArgumentException e) {
      throw new RuleLoadException(rules.isEmpty() ? "rules" : rules.get(rules.size() - 1).origin(), 0, e.getMessage());
    }
  }

  /**
   * Runs every example of every rule of {@code pack} through a real {@link Scanner} holding only that rule
   * (with {@code settings}, its category selected), in both prefilter modes. A match example fails unless a
   * finding spans exactly its {@code find} text; a no-match example fails if anything is found; any example
   * fails if the indexed and the reference scanner disagree. Returns the failures (empty = all pass).
   */
  public static List<ExampleFailure> verifyExamples(RulePack pack, ScanSettings settings) {
    List<ExampleFailure> failures = new ArrayList<>();
    for (Rule r : pack.rules()) {
      failures.addAll(verifyRule(r, settings));
    }
    return failures;
  }

  private static List<ExampleFailure> verifyRule(Rule rule, ScanSettings settings) {
    List<ExampleFailure> failures = new ArrayList<>();
    RulePack one = new RulePack(List.of(rule));
    ScanSettings s = settings.withCategories(EnumSet.of(rule.category()));
    Scanner indexed;
    Scanner reference;
    try {
      indexed = Scanner.build(one, s.withPrefilter(ScanSettings.PrefilterMode.INDEXED));
      reference = Scanner.build(one, s.withPrefilter(ScanSettings.PrefilterMode.NONE));
    } catch (IllegalArgumentException e) {
      failures.add(new ExampleFailure(rule.id(), rule.origin(), "", "cannot compile: " + e.getMessage()));
      return failures;
    }
    List<Rule.MatchExample> match = rule.examples().match();
    for (int i = 0; i < match.size(); i++) {
      Rule.MatchExample ex = match.get(i);
      String pointer = "/examples/match/" + i;
      List<String> found = findAll(indexed, ex.text());
      if (!found.equals(findAll(reference, ex.text()))) {
        failures.add(new ExampleFailure(rule.id(), rule.origin(), pointer,
            "match example " + i + ": the prefilter loses a match the reference finds"));
      } else if (!found.contains(ex.find())) {
        failures.add(new ExampleFailure(rule.id(), rule.origin(), pointer,
            "match example " + i + ": expected to find '" + ex.find() + "' in '" + ex.text() + "' but found " + found));
      }
    }
    List<Rule.NoMatchExample> nomatch = rule.examples().nomatch();
    for (int i = 0; i < nomatch.size(); i++) {
      Rule.NoMatchExample ex = nomatch.get(i);
      List<String> found = findAll(indexed, ex.text());
      if (!found.isEmpty()) {
        failures.add(new ExampleFailure(rule.id(), rule.origin(), "/examples/nomatch/" + i,
            "no-match example " + i + " ('" + ex.text() + "') found " + found));
      }
    }
    return failures;
  }

  private static List<String> findAll(Scanner scanner, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    scanner.scan(Chunk.of(bytes), (rule, start, end, confidence) ->
        found.add(new String(bytes, start, end - start, StandardCharsets.UTF_8)));
    return found;
  }

  /** A failed rule example: which rule, where, which example (a JSON pointer such as /examples/match/0), why. */
  public record ExampleFailure(String ruleId, String origin, String pointer, String reason) {
    @Override
    public String toString() {
      return origin + " (" + ruleId + "): " + reason;
    }
  }

  private static String idOf(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    return base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
  }

  /** A rule and the line of every value in its file, by JSON pointer. */
  private record Parsed(Rule rule, Map<String, Integer> lines) {
    int line(String pointer) {
      String p = pointer;
      while (true) {
        Integer l = lines.get(p);
        if (l != null) {
          return l;
        }
        int slash = p.lastIndexOf('/');
        if (slash <= 0) {
          return lines.getOrDefault("", 1);
        }
        p = p.substring(0, slash);
      }
    }
  }

  /**
   * Parses and checks one rule file; with {@code compile}, also compiles the rule alone (patterns, keyword
   * proof, validators, matcher, trigger) so that a defect there is reported with its file and line.
   */
  private static Parsed read(byte[] yaml, String origin, String expectedId, boolean compile)
      throws RuleLoadException {
    Map<String, Integer> lines = new HashMap<>();
    RuleFileReader.RuleFile f;
    try {
      try (JsonParser p = FACTORY.createParser(yaml)) {
        if (p.nextToken() == null) {
          throw new RuleLoadException(origin, 1, "empty rule file");
        }
        f = RuleFileReader.read(p, origin, lines);
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RuleLoadException(origin, line, e.getOriginalMessage());
    } catch (IOException e) {
      throw new RuleLoadException(origin, 0, e.getMessage());
    }
    Parsed where = new Parsed(null, lines);
    require(f.id != null, origin, where.line(""), "missing field 'id'");
    require(ID.matcher(f.id).matches(), origin, where.line("/id"), "id '" + f.id + "' must match " + ID.pattern());
    require(f.id.equals(expectedId), origin, where.line("/id"),
        "id '" + f.id + "' differs from the file name '" + expectedId + "'");
    require(f.category != null, origin, where.line(""), "missing field 'category'");
    Category category = Category.fromId(f.category).orElseThrow(() -> new RuleLoadException(origin,
        where.line("/category"), "unknown category '" + f.category + "' (known: " + categoryIds() + ")"));
    require(f.description != null && !f.description.isBlank(), origin, where.line(""), "missing field 'description'");
    require((f.pattern == null) != (f.matcher == null), origin, where.line(f.pattern != null ? "/matcher" : ""),
        "exactly one of 'pattern' and 'matcher' must be set");
    Rule.Boundary boundary = Rule.Boundary.WORD;
    if (f.boundary != null) {
      boundary = switch (f.boundary) {
        case "none" -> Rule.Boundary.NONE;
        case "word" -> Rule.Boundary.WORD;
        case "alnum" -> Rule.Boundary.ALNUM;
        case "digit" -> Rule.Boundary.DIGIT;
        default -> throw new RuleLoadException(origin, where.line("/boundary"),
            "unknown boundary '" + f.boundary + "' (known: none, word, alnum, digit)");
      };
    }
    double confidence = f.confidence == null ? DEFAULT_CONFIDENCE : f.confidence;
    require(confidence >= 0 && confidence <= 1, origin, where.line("/confidence"),
        "confidence " + confidence + " is not in 0..1");
    Rule.RuleContext context = Rule.RuleContext.NONE;
    if (f.context != null) {
      RuleFileReader.ContextFile c = f.context;
      int window = c.window == null ? Rule.RuleContext.DEFAULT_WINDOW : c.window;
      require(window > 0 && window <= MAX_CONTEXT_WINDOW, origin, where.line("/context/window"),
          "context window " + window + " is not in 1.." + MAX_CONTEXT_WINDOW);
      double boost = c.boost == null ? 0 : c.boost;
      double penalty = c.penalty == null ? 0 : c.penalty;
      require(boost >= 0 && boost <= 1, origin, where.line("/context/boost"), "boost " + boost + " is not in 0..1");
      require(penalty >= 0 && penalty <= 1, origin, where.line("/context/penalty"),
          "penalty " + penalty + " is not in 0..1");
      List<String> suffixes = c.negativeSuffix == null ? List.of() : c.negativeSuffix;
      for (int i = 0; i < suffixes.size(); i++) {
        String suffix = suffixes.get(i);
        int line = where.line("/context/negative_suffix/" + i);
        require(suffix != null && !suffix.isEmpty(), origin, line, "negative_suffix " + i + " is empty");
        if (compile) {
          try {
            PatternCompiler.compile(suffix, false);
          } catch (PatternException e) {
            throw new RuleLoadException(origin, line, "negative_suffix " + i + ": " + e.getMessage());
          }
        }
      }
      context = new Rule.RuleContext(c.words, c.keys, c.negative, window, boost, penalty,
          c.required != null && c.required, suffixes);
    }
    Rule.Exclude exclude = f.exclude == null ? Rule.Exclude.NONE : new Rule.Exclude(f.exclude.values, f.exclude.patterns);
    List<Rule.MatchExample> match = new ArrayList<>();
    List<Rule.NoMatchExample> nomatch = new ArrayList<>();
    if (f.examples != null) {
      List<RuleFileReader.MatchFile> m = f.examples.match == null ? List.of() : f.examples.match;
      for (int i = 0; i < m.size(); i++) {
        RuleFileReader.MatchFile e = m.get(i);
        int line = where.line("/examples/match/" + i);
        require(e != null && e.text != null && e.find != null, origin, line, "a match example needs 'text' and 'find'");
        require(!e.find.isEmpty() && e.text.contains(e.find), origin, line,
            "match example " + i + ": 'find' must be a non-empty part of 'text'");
        match.add(new Rule.MatchExample(e.text, e.find));
      }
      List<RuleFileReader.NoMatchFile> n = f.examples.nomatch == null ? List.of() : f.examples.nomatch;
      for (int i = 0; i < n.size(); i++) {
        RuleFileReader.NoMatchFile e = n.get(i);
        int line = where.line("/examples/nomatch/" + i);
        require(e != null && e.text != null && e.why != null, origin, line, "a no-match example needs 'text' and 'why'");
        nomatch.add(new Rule.NoMatchExample(e.text, e.why));
      }
    }
    require(match.size() >= MIN_EXAMPLES && nomatch.size() >= MIN_EXAMPLES, origin, where.line("/examples"),
        "a rule needs at least " + MIN_EXAMPLES + " match and " + MIN_EXAMPLES + " no-match examples (has "
            + match.size() + " and " + nomatch.size() + ")");
    Rule rule;
    try {
      rule = new Rule(f.id, category, f.description, f.pattern, f.matcher, boundary, f.keywords, f.trigger,
          f.validators, context, confidence, exclude, new Rule.Examples(match, nomatch), origin,
          f.caseInsensitive != null && f.caseInsensitive);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new RuleLoadException(origin, where.line(""), e.getMessage());
    }
    if (compile) {
      try {
        Scanner.build(new RulePack(List.of(rule)), ScanSettings.DEFAULTS.withCategories(EnumSet.of(category)));
      } catch (RuleCompileException e) {
        throw new RuleLoadException(origin, where.line("/" + e.field()), e.field() + ": " + e.reason());
      }
    }
    return new Parsed(rule, lines);
  }

  private static void require(boolean ok, String origin, int line, String reason) throws RuleLoadException {
    if (!ok) {
      throw new RuleLoadException(origin, line, reason);
    }
  }

  private static String categoryIds() {
    return EnumSet.allOf(Category.class).stream().map(Category::id).toList().toString();
  }
}

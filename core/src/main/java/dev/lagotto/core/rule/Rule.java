package dev.lagotto.core.rule;

import java.util.List;
import java.util.Objects;

/**
 * One detection rule, as read from one YAML file of a rule pack (DESIGN.md §5). Immutable.
 *
 * <p>Exactly one of {@link #pattern()} (the pattern dialect, compiled to a byte automaton) and
 * {@link #matcher()} (the name of a hand-written matcher registered by SPI) is set.
 *
 * @param id stable identifier, equal to the file name without {@code .yaml}
 * @param category what the rule finds
 * @param description one line for humans
 * @param pattern the pattern in the rule dialect, or {@code null} when {@code matcher} is set
 * @param matcher the name of a hand-written matcher, or {@code null} when {@code pattern} is set
 * @param boundary what may not touch either end of a match
 * @param keywords literal triggers; empty when {@code trigger} is used or the trigger is derived
 * @param trigger a byte-class trigger name (see {@code prefilter}), or {@code null}
 * @param validators validator names, run in order; any that says no drops the match
 * @param context hotwords and keys that raise or lower confidence
 * @param confidence base confidence in 0..1 before context
 * @param exclude values and patterns never reported
 * @param examples the rule's own match and no-match examples
 * @param origin where the rule was loaded from (a file path or a classpath resource), for messages
 * @param caseInsensitive YAML {@code case_insensitive} (default false): every ASCII letter of the pattern,
 *     of the exclude patterns and of the keywords also matches its other case
 */
public record Rule(
    String id,
    Category category,
    String description,
    String pattern,
    String matcher,
    Boundary boundary,
    List<String> keywords,
    String trigger,
    List<String> validators,
    RuleContext context,
    double confidence,
    Exclude exclude,
    Examples examples,
    String origin,
    boolean caseInsensitive) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    if ((pattern == null) == (matcher == null)) {
      throw new IllegalArgumentException("rule " + id + ": exactly one of pattern and matcher must be set");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("rule " + id + ": confidence " + confidence + " is not in 0..1");
    }
    boundary = boundary == null ? Boundary.WORD : boundary;
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    validators = List.copyOf(validators == null ? List.of() : validators);
    context = context == null ? RuleContext.NONE : context;
    exclude = exclude == null ? Exclude.NONE : exclude;
    examples = examples == null ? Examples.NONE : examples;
  }

  /** A case-sensitive rule (the form used before {@code caseInsensitive} was added). */
  public Rule(String id, Category category, String description, String pattern, String matcher,
      Boundary boundary, List<String> keywords, String trigger, List<String> validators, RuleContext context,
      double confidence, Exclude exclude, Examples examples, String origin) {
    this(id, category, description, pattern, matcher, boundary, keywords, trigger, validators, context,
        confidence, exclude, examples, origin, false);
  }

  /** What may not touch either end of a match (instead of regex {@code \b} and lookaround). */
  public enum Boundary {
    /** Nothing is checked. */
    NONE,
    /** No ASCII word byte {@code [A-Za-z0-9_]} directly before or after the match. */
    WORD,
    /** No ASCII letter or digit directly before or after the match. */
    ALNUM,
    /** No ASCII digit directly before or after the match. */
    DIGIT
  }

  /**
   * Context around a match.
   *
   * @param words hotwords looked for within {@code window} bytes before or after the match; raise confidence
   * @param keys structured keys ({@code "email":}, {@code ip=}, CSV headers) directly before the match
   * @param negative words that lower confidence (e.g. {@code version}, {@code build}, {@code oid})
   * @param window bytes searched on each side
   * @param boost added to confidence when a word or key is present
   * @param penalty subtracted from confidence when a negative word is present
   * @param required when true the match is dropped unless a word or key is present
   * @param negativeSuffix patterns (YAML {@code negative_suffix}) for the rest of the token right after the
   *     match ({@code -2}, {@code +dfsg-1} after a version number); one that matches it whole subtracts
   *     {@code penalty} like a negative word
   */
  public record RuleContext(
      List<String> words,
      List<String> keys,
      List<String> negative,
      int window,
      double boost,
      double penalty,
      boolean required,
      List<String> negativeSuffix) {
    public static final int DEFAULT_WINDOW = 40;
    public static final RuleContext NONE = new RuleContext(List.of(), List.of(), List.of(), DEFAULT_WINDOW, 0, 0, false);

    public RuleContext {
      words = List.copyOf(words == null ? List.of() : words);
      keys = List.copyOf(keys == null ? List.of() : keys);
      negative = List.copyOf(negative == null ? List.of() : negative);
      negativeSuffix = List.copyOf(negativeSuffix == null ? List.of() : negativeSuffix);
    }

    /** A context without negative suffixes (the form used before {@code negativeSuffix} was added). */
    public RuleContext(List<String> words, List<String> keys, List<String> negative, int window, double boost,
        double penalty, boolean required) {
      this(words, keys, negative, window, boost, penalty, required, List.of());
    }
  }

  /** Values (exact, case-insensitive) and patterns whose matches are never reported. */
  public record Exclude(List<String> values, List<String> patterns) {
    public static final Exclude NONE = new Exclude(List.of(), List.of());

    public Exclude {
      values = List.copyOf(values == null ? List.of() : values);
      patterns = List.copyOf(patterns == null ? List.of() : patterns);
    }
  }

  /** A text in which the rule must find {@code find} (exactly that span). */
  public record MatchExample(String text, String find) {}

  /** A text in which the rule must find nothing, and why. */
  public record NoMatchExample(String text, String why) {}

  /** The rule's own examples; every default-pack rule has at least two of each. */
  public record Examples(List<MatchExample> match, List<NoMatchExample> nomatch) {
    public static final Examples NONE = new Examples(List.of(), List.of());

    public Examples {
      match = List.copyOf(match == null ? List.of() : match);
      nomatch = List.copyOf(nomatch == null ? List.of() : nomatch);
    }
  }
}

package dev.lagotto.core.rule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reader of one rule file's YAML into its {@link RuleFile} shape, in one pass of a streaming parser, also
 * recording the line of every value by JSON pointer. Stateless; one call per file. Cost: linear in the file.
 *
 * <p>Strict like the loader: an unknown field, a value of the wrong kind (a list where a string is due, text
 * that is not a number), or more than one YAML document is a {@link RuleLoadException} with the line of the
 * field or value. Scalars are accepted as text where text is due (as {@code keywords: [8080]}), and a
 * number or boolean may be written as quoted text. A {@code null} value counts as absent.
 *
 * <p>This replaces Jackson data binding, whose first use (introspection, reflection, date and locale
 * set-up) cost about a third of the start of {@code lagotto scan}.
 */
final class RuleFileReader {
  private static final List<String> RULE_FIELDS = List.of("id", "category", "description", "pattern", "matcher",
      "boundary", "keywords", "trigger", "case_insensitive", "validators", "context", "confidence", "exclude",
      "examples");
  private static final List<String> CONTEXT_FIELDS = List.of("words", "keys", "negative", "negative_suffix",
      "window", "boost", "penalty", "required");
  private static final List<String> EXCLUDE_FIELDS = List.of("values", "patterns");
  private static final List<String> EXAMPLES_FIELDS = List.of("match", "nomatch");
  private static final List<String> MATCH_FIELDS = List.of("text", "find");
  private static final List<String> NOMATCH_FIELDS = List.of("text", "why");

  private final JsonParser p;
  private final String origin;
  private final Map<String, Integer> lines;

  private RuleFileReader(JsonParser p, String origin, Map<String, Integer> lines) {
    this.p = p;
    this.origin = origin;
    this.lines = lines;
  }

  /**
   * The rule file under {@code p}, which stands on the first token of the document; every value's line
   * goes to {@code lines} (the key of the whole file is {@code ""}, a field's is the line of its name).
   */
  static RuleFile read(JsonParser p, String origin, Map<String, Integer> lines) throws IOException, RuleLoadException {
    RuleFileReader r = new RuleFileReader(p, origin, lines);
    lines.put("", r.line());
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new RuleLoadException(origin, r.line(), "a rule file must be a mapping of fields (known: "
          + String.join(", ", RULE_FIELDS) + ")");
    }
    RuleFile f = r.rule();
    if (p.nextToken() != null) {
      throw new RuleLoadException(origin, r.line(), "more than one YAML document in a rule file");
    }
    return f;
  }

  private RuleFile rule() throws IOException, RuleLoadException {
    RuleFile f = new RuleFile();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = field("", name);
      switch (name) {
        case "id" -> f.id = text(path);
        case "category" -> f.category = text(path);
        case "description" -> f.description = text(path);
        case "pattern" -> f.pattern = text(path);
        case "matcher" -> f.matcher = text(path);
        case "boundary" -> f.boundary = text(path);
        case "keywords" -> f.keywords = texts(path);
        case "trigger" -> f.trigger = text(path);
        case "case_insensitive" -> f.caseInsensitive = bool(path);
        case "validators" -> f.validators = texts(path);
        case "context" -> f.context = object(path) ? context(path) : null;
        case "confidence" -> f.confidence = number(path);
        case "exclude" -> f.exclude = object(path) ? exclude(path) : null;
        case "examples" -> f.examples = object(path) ? examples(path) : null;
        default -> throw unknown(path, RULE_FIELDS);
      }
    }
    return f;
  }

  private ContextFile context(String at) throws IOException, RuleLoadException {
    ContextFile c = new ContextFile();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = field(at, name);
      switch (name) {
        case "words" -> c.words = texts(path);
        case "keys" -> c.keys = texts(path);
        case "negative" -> c.negative = texts(path);
        case "negative_suffix" -> c.negativeSuffix = texts(path);
        case "window" -> c.window = integer(path);
        case "boost" -> c.boost = number(path);
        case "penalty" -> c.penalty = number(path);
        case "required" -> c.required = bool(path);
        default -> throw unknown(path, CONTEXT_FIELDS);
      }
    }
    return c;
  }

  private ExcludeFile exclude(String at) throws IOException, RuleLoadException {
    ExcludeFile e = new ExcludeFile();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = field(at, name);
      switch (name) {
        case "values" -> e.values = texts(path);
        case "patterns" -> e.patterns = texts(path);
        default -> throw unknown(path, EXCLUDE_FIELDS);
      }
    }
    return e;
  }

  private ExamplesFile examples(String at) throws IOException, RuleLoadException {
    ExamplesFile e = new ExamplesFile();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = field(at, name);
      switch (name) {
        case "match" -> e.match = objects(path, this::matchExample);
        case "nomatch" -> e.nomatch = objects(path, this::noMatchExample);
        default -> throw unknown(path, EXAMPLES_FIELDS);
      }
    }
    return e;
  }

  /** Reads one object of a list; {@code at} is its path. */
  private interface ObjectReader<T> {
    T read(String at) throws IOException, RuleLoadException;
  }

  /** The list at {@code path}, each element read by {@code reader} ({@code null} for a non-object), or {@code null}. */
  private <T> List<T> objects(String path, ObjectReader<T> reader) throws IOException, RuleLoadException {
    if (!list(path)) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      String item = element(path, i);
      out.add(object(item) ? reader.read(item) : null);
    }
    return out;
  }

  private MatchFile matchExample(String at) throws IOException, RuleLoadException {
    MatchFile m = new MatchFile();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = field(at, name);
      switch (name) {
        case "text" -> m.text = text(path);
        case "find" -> m.find = text(path);
        default -> throw unknown(path, MATCH_FIELDS);
      }
    }
    return m;
  }

  private NoMatchFile noMatchExample(String at) throws IOException, RuleLoadException {
    NoMatchFile m = new NoMatchFile();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = field(at, name);
      switch (name) {
        case "text" -> m.text = text(path);
        case "why" -> m.why = text(path);
        default -> throw unknown(path, NOMATCH_FIELDS);
      }
    }
    return m;
  }

  /** Records the field's line under {@code at/name} and moves to its value; returns the field's pointer. */
  private String field(String at, String name) throws IOException {
    String path = at + "/" + name;
    lines.put(path, line());
    p.nextToken();
    return path;
  }

  /** Records the line of array element {@code i} (the parser is on its first token); returns its pointer. */
  private String element(String at, int i) {
    String path = at + "/" + i;
    lines.putIfAbsent(path, line());
    return path;
  }

  /** Whether the value is a mapping (else it is null; anything else is an error). */
  private boolean object(String path) throws RuleLoadException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw wrongKind(path, "a mapping of fields");
    }
    return true;
  }

  /** Whether the value is a list (else it is null; anything else is an error). */
  private boolean list(String path) throws RuleLoadException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongKind(path, "a list");
    }
    return true;
  }

  private String text(String path) throws IOException, RuleLoadException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!t.isScalarValue()) {
      throw wrongKind(path, "text");
    }
    return p.getText();
  }

  private List<String> texts(String path) throws IOException, RuleLoadException {
    if (!list(path)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      out.add(text(element(path, i)));
    }
    return out;
  }

  private Double number(String path) throws IOException, RuleLoadException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return Double.valueOf(p.getText().strip());
      } catch (NumberFormatException e) {
        throw wrongKind(path, "a number");
      }
    }
    throw wrongKind(path, "a number");
  }

  private Integer integer(String path) throws IOException, RuleLoadException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    String text = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING ? p.getText().strip() : null;
    try {
      if (text != null) {
        return Integer.valueOf(text);
      }
    } catch (NumberFormatException e) {
      throw wrongKind(path, "a whole number");
    }
    throw wrongKind(path, "a whole number");
  }

  private Boolean bool(String path) throws IOException, RuleLoadException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_STRING && (p.getText().equals("true") || p.getText().equals("false"))) {
      return Boolean.valueOf(p.getText());
    }
    throw wrongKind(path, "true or false");
  }

  private RuleLoadException unknown(String path, List<String> known) {
    return new RuleLoadException(origin, lines.get(path), "unknown field '" + path.substring(path.lastIndexOf('/') + 1)
        + "' (known: " + String.join(", ", known) + ")");
  }

  private RuleLoadException wrongKind(String path, String expected) {
    return new RuleLoadException(origin, lines.getOrDefault(path, line()),
        path.substring(path.lastIndexOf('/') + 1) + ": expected " + expected);
  }

  private int line() {
    return p.currentTokenLocation().getLineNr();
  }

  /** The YAML shape of one rule file. */
  static final class RuleFile {
    String id;
    String category;
    String description;
    String pattern;
    String matcher;
    String boundary;
    List<String> keywords;
    String trigger;
    Boolean caseInsensitive;
    List<String> validators;
    ContextFile context;
    Double confidence;
    ExcludeFile exclude;
    ExamplesFile examples;
  }

  /** The YAML shape of {@code context}. */
  static final class ContextFile {
    List<String> words;
    List<String> keys;
    List<String> negative;
    List<String> negativeSuffix;
    Integer window;
    Double boost;
    Double penalty;
    Boolean required;
  }

  /** The YAML shape of {@code exclude}. */
  static final class ExcludeFile {
    List<String> values;
    List<String> patterns;
  }

  /** The YAML shape of {@code examples}. */
  static final class ExamplesFile {
    List<MatchFile> match;
    List<NoMatchFile> nomatch;
  }

  /** The YAML shape of one match example. */
  static final class MatchFile {
    String text;
    String find;
  }

  /** The YAML shape of one no-match example. */
  static final class NoMatchFile {
    String text;
    String why;
  }
}

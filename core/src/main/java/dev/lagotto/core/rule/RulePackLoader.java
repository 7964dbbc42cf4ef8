package dev.lagotto.core.rule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PLACEHOLDER loader (hardened in issue 3): reads rule YAML files into a {@link RulePack}. The default pack
 * is listed in the classpath resource {@value #DEFAULT_INDEX}.
 */
public final class RulePackLoader {
  public static final String DEFAULT_INDEX = "dev/lagotto/rules/index.txt";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RulePackLoader() {}

  /** The default rule pack shipped in the rules module. */
  public static RulePack loadDefault() throws RuleLoadException {
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
          rules.add(read(in, "classpath:" + resource, idOf(name)));
        }
      }
    } catch (IOException e) {
      throw new RuleLoadException("classpath:" + DEFAULT_INDEX, 0, e.getMessage());
    }
    return new RulePack(rules);
  }

  /** Every {@code *.yaml} file under {@code dir}, recursively, in path order. */
  public static RulePack load(Path dir) throws RuleLoadException {
    List<Rule> rules = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          rules.add(read(in, p.toString(), idOf(p.getFileName().toString())));
        }
      }
    } catch (IOException e) {
      throw new RuleLoadException(dir.toString(), 0, "cannot read: " + e.getMessage());
    }
    return new RulePack(rules);
  }

  private static String idOf(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    return base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
  }

  private static Rule read(InputStream in, String origin, String expectedId) throws RuleLoadException {
    try {
      RuleFile f = YAML.readValue(in, RuleFile.class);
      if (!expectedId.equals(f.id)) {
        throw new RuleLoadException(origin, 1, "id '" + f.id + "' differs from the file name '" + expectedId + "'");
      }
      Category category = Category.fromId(f.category)
          .orElseThrow(() -> new RuleLoadException(origin, 0, "unknown category '" + f.category + "'"));
      return new Rule(f.id, category, f.description, f.pattern, f.matcher,
          f.boundary == null ? null : Rule.Boundary.valueOf(f.boundary.toUpperCase(java.util.Locale.ROOT)),
          f.keywords, f.trigger, f.validators, f.context, f.confidence == null ? 0.8 : f.confidence,
          f.exclude, f.examples, origin);
    } catch (JsonMappingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RuleLoadException(origin, line, e.getOriginalMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw new RuleLoadException(origin, 0, e.getMessage());
    }
  }

  /** The YAML shape of one rule file. */
  static final class RuleFile {
    public String id;
    public String category;
    public String description;
    public String pattern;
    public String matcher;
    public String boundary;
    public List<String> keywords;
    public String trigger;
    public List<String> validators;
    public Rule.RuleContext context;
    public Double confidence;
    public Rule.Exclude exclude;
    public Rule.Examples examples;
  }
}

package dev.lagotto.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.core.extract.SourceOpener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Runs the real {@code lagotto} command in-process with a test environment and captured output. */
final class CliHarness {
  static final String HOST = "scanner.example.com";
  static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  static final ObjectMapper JSON = new ObjectMapper();

  final Path home;
  final Map<String, String> env = new HashMap<>(Map.of("LAGOTTO_KEY", KEY_HEX));
  SourceOpener opener = SourceOpener.FILES;
  InputStream stdin = new ByteArrayInputStream(new byte[0]);
  boolean terminal;
  /** When false (the default), {@code scan} runs the test pack (email, ipv4) unless the test passes {@code --rules}. */
  boolean defaultPack;
  boolean stderrTerminal;

  CliHarness(Path home) {
    this.home = home;
  }

  /** The outcome of one command. */
  record Result(int code, String out, String err) {
    /** Standard output parsed as JSONL. */
    List<JsonNode> records() {
      List<JsonNode> list = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isEmpty()) {
          try {
            list.add(JSON.readTree(line));
          } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
          }
        }
      }
      return list;
    }

    List<JsonNode> ofType(String type) {
      return records().stream().filter(r -> type.equals(r.path("type").asText())).collect(Collectors.toList());
    }

    /** The scan's summary: the one {@code summary} record without a {@code source} (a database has its own). */
    JsonNode summary() {
      List<JsonNode> s = ofType("summary").stream().filter(r -> !r.has("source")).collect(Collectors.toList());
      if (s.size() != 1) {
        throw new AssertionError("expected one summary in:\n" + out + "\nstderr:\n" + err);
      }
      return s.get(0);
    }
  }

  CliEnvironment environment() {
    return new CliEnvironment(env, home, stdin, terminal, stderrTerminal, HOST, opener, 2);
  }

  /** The rule pack of the CLI tests: email and ipv4, independent of the default pack's evolution. */
  static Path testPack() {
    try {
      return Path.of(CliHarness.class.getResource("/testpack").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Result run(String... given) {
    String[] args = given;
    if (!defaultPack && given.length > 0 && given[0].equals(ScanCommand.NAME) && !List.of(given).contains("--rules")) {
      List<String> with = new ArrayList<>(List.of(ScanCommand.NAME, "--rules", testPack().toString(), "--rules-mode", "replace"));
      with.addAll(List.of(given).subList(1, given.length));
      args = with.toArray(new String[0]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(environment(), new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The expected fingerprint: HMAC-SHA256 under the test key, computed here independently. */
  static String hmac(String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(KEY_HEX), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

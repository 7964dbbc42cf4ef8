package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.cli.ExitCodes;
import dev.lagotto.agent.cli.UsageException;
import dev.lagotto.agent.client.ServerClient;
import dev.lagotto.agent.client.ServerException;
import dev.lagotto.agent.support.DurableFiles;
import dev.lagotto.core.finding.Fingerprinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lagotto agent enroll --server URL --token T}: fetches the site fingerprint key from
 * {@code POST /api/v1/enroll} and stores it, with the token, in the state directory (files
 * {@value AgentConfigLoader#KEY_FILE} and {@value AgentConfigLoader#TOKEN_FILE}, mode 0600), so that the
 * agent's fingerprints match the server's and its configuration need not hold the token.
 */
@Command(name = AgentEnrollCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
    description = "Enrol this host: fetch the site fingerprint key from the central index.")
public final class AgentEnrollCommand implements Callable<Integer> {
  public static final String NAME = "enroll";
  public static final String DEFAULT_STATE_DIR = "/var/lib/lagotto-agent";

  @Spec
  CommandSpec spec;

  @Option(names = "--server", paramLabel = "URL", required = true, description = "The central index, e.g. https://lagotto.example.org:8470.")
  URI server;

  @Option(names = "--token", paramLabel = "TOKEN", description = "An agent (or admin) token.")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the token (keeps it off the command line).")
  Path tokenFile;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = DEFAULT_STATE_DIR,
      description = "The agent's state directory (default: ${DEFAULT-VALUE}); must match state_dir in agent.yaml.")
  Path stateDir;

  @Override
  public Integer call() throws Exception {
    String t = token;
    if ((t == null) == (tokenFile == null)) {
      throw new UsageException("give exactly one of --token and --token-file");
    }
    if (t == null) {
      t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    }
    if (!("http".equals(server.getScheme()) || "https".equals(server.getScheme())) || server.getHost() == null) {
      throw new UsageException("--server " + server + ": must be an http:// or https:// URL");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonNode answer;
    try {
      answer = new ServerClient(server, t, ServerClient.DEFAULT_TIMEOUT).enroll();
    } catch (ServerException e) {
      err.println("lagotto agent enroll: " + server + " refused: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("lagotto agent enroll: cannot reach " + server + " (" + e.getClass().getSimpleName() + ")");
      return ExitCodes.SOURCES_FAILED;
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(answer.path("key").asText());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length < Fingerprinter.MIN_KEY_BYTES) {
      err.println("lagotto agent enroll: the server's answer holds no usable key");
      return ExitCodes.SOURCES_FAILED;
    }
    DurableFiles.createPrivateDirectory(stateDir);
    DurableFiles.writeAtomically(stateDir.resolve(AgentConfigLoader.KEY_FILE), key);
    DurableFiles.writeAtomically(stateDir.resolve(AgentConfigLoader.TOKEN_FILE), (t + "\n").getBytes(StandardCharsets.UTF_8));
    out.println("lagotto agent enroll: enrolled with " + server + "; site key " + answer.path("key_id").asText()
        + " stored in " + stateDir.resolve(AgentConfigLoader.KEY_FILE));
    return ExitCodes.OK;
  }
}

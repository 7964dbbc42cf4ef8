package dev.lagotto.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.cli.CliEnvironment;
import dev.lagotto.agent.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lagotto subject VALUE}: the data-subject lookup. The server normalises and fingerprints the value
 * and returns every exposure of it (hosts, sources, counts); printed as a summary and a table or, with
 * {@code --json}, the server's JSON answer. The value itself is not printed. Needs an analyst token.
 */
@Command(name = SubjectCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
    description = "Find every exposure of one value, e.g. lagotto subject alice@example.com.")
public final class SubjectCommand implements Callable<Integer> {
  public static final String NAME = "subject";

  private final CliEnvironment env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "VALUE", description = "The value: an e-mail address, phone number, IP address, card number ...")
  String value;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Only this category (default: every plausible one).")
  String category;

  @Option(names = "--closed", description = "Also exposures that are closed (the source was deleted or no longer holds the value).")
  boolean closed;

  @Option(names = "--json", description = "Print the server's JSON answer.")
  boolean json;

  @Mixin
  ServerOptions server = new ServerOptions();

  public SubjectCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerClient client = SearchCommand.Calls.client(server, env);
    PrintWriter out = spec.commandLine().getOut();
    try {
      JsonNode answer = client.subject(value, category, closed);
      if (json) {
        out.println(SearchCommand.JSON.writeValueAsString(answer));
        return ExitCodes.OK;
      }
      JsonNode hosts = answer.path("hosts");
      out.println(answer.path("exposures").size() + " exposures, " + answer.path("total_count").asLong()
          + " occurrences on " + hosts.size() + " host(s)" + (answer.path("truncated").asBoolean() ? " (truncated)" : ""));
      for (Iterator<Map.Entry<String, JsonNode>> it = hosts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> h = it.next();
        out.println("  " + h.getKey() + ": " + h.getValue().asLong() + " occurrences");
      }
      if (answer.path("exposures").size() > 0) {
        ExposureTable.print(out, answer.path("exposures"));
      }
      return ExitCodes.OK;
    } catch (ServerException e) {
      return SearchCommand.Calls.refused(spec, client, e);
    } catch (IOException e) {
      return SearchCommand.Calls.unreachable(spec, client, e);
    }
  }
}

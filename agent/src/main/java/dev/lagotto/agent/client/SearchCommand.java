package dev.lagotto.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lagotto.agent.cli.CliEnvironment;
import dev.lagotto.agent.cli.ExitCodes;
import dev.lagotto.agent.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lagotto search QUERY}: exposures in the central index matching a Lucene query (fields
 * {@code host kind uri path category rule fingerprint tags confidence count first_seen last_seen ...}),
 * as a table or, with {@code --json}, the server's JSON answer. Needs an analyst token.
 */
@Command(name = SearchCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
    description = "Search the central index, e.g. lagotto search 'category:email AND host:web-*'.")
public final class SearchCommand implements Callable<Integer> {
  public static final String NAME = "search";
  static final ObjectMapper JSON = new ObjectMapper();

  private final CliEnvironment env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "QUERY", description = "Lucene query syntax; *:* for everything.")
  String query;

  @Option(names = "--size", paramLabel = "N", defaultValue = "50", description = "Exposures per page (default: ${DEFAULT-VALUE}, at most 1000).")
  int size;

  @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "0-based page (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--sort", paramLabel = "FIELD", description = "Sort field, '-' prefix for descending (e.g. -count, -last_seen).")
  String sort;

  @Option(names = "--json", description = "Print the server's JSON answer.")
  boolean json;

  @Mixin
  ServerOptions server = new ServerOptions();

  public SearchCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerClient client = Calls.client(server, env);
    PrintWriter out = spec.commandLine().getOut();
    try {
      JsonNode answer = client.search(query, page, size, sort);
      if (json) {
        out.println(JSON.writeValueAsString(answer));
      } else {
        ExposureTable.print(out, answer.path("hits"));
        out.println(answer.path("total").asLong() + " exposures match; page " + page + " shows "
            + answer.path("hits").size());
      }
      return ExitCodes.OK;
    } catch (ServerException e) {
      return Calls.refused(spec, client, e);
    } catch (IOException e) {
      return Calls.unreachable(spec, client, e);
    }
  }

  /** Shared error handling of the commands that call the server. */
  static final class Calls {
    private Calls() {}

    static ServerClient client(ServerOptions server, CliEnvironment env) {
      try {
        return server.client(env.env());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }

    static int refused(CommandSpec spec, ServerClient client, ServerException e) {
      spec.commandLine().getErr().println("lagotto " + spec.name() + ": " + client.base() + " answered " + e.getMessage());
      return ExitCodes.USAGE;
    }

    static int unreachable(CommandSpec spec, ServerClient client, IOException e) {
      spec.commandLine().getErr().println("lagotto " + spec.name() + ": cannot reach " + client.base() + " ("
          + e.getClass().getSimpleName() + ")");
      return ExitCodes.SOURCES_FAILED;
    }
  }
}

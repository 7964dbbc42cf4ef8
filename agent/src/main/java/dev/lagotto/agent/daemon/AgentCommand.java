package dev.lagotto.agent.daemon;

import dev.lagotto.agent.cli.CliEnvironment;
import dev.lagotto.agent.cli.ExitCodes;
import dev.lagotto.agent.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lagotto agent --config agent.yaml}: runs the agent until SIGTERM/SIGINT, which drain it (see
 * {@link Agent#close}); a kill loses nothing that was spooled. Logs to standard error. With
 * {@code --check} it only validates the configuration. Subcommand {@code enroll}.
 */
@Command(name = AgentCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the agent: follow logs, rescan trees, report exposures to the central index.",
    subcommands = AgentEnrollCommand.class)
public final class AgentCommand implements Callable<Integer> {
  public static final String NAME = "agent";

  private final CliEnvironment env;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "The agent configuration (YAML); required.")
  Path config;

  @Option(names = "--check", description = "Validate the configuration and exit.")
  boolean check;

  public AgentCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    if (config == null) {
      throw new UsageException("--config FILE is required (or use the subcommand enroll)");
    }
    AgentConfig cfg;
    try {
      cfg = AgentConfigLoader.load(config, env.hostname());
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (check) {
      spec.commandLine().getOut().println("lagotto agent: " + config + " is valid (host " + cfg.host() + ", "
          + cfg.tail().size() + " tail path(s), " + cfg.scans().size() + " tree(s), " + cfg.databases().size() + " database(s))");
      return ExitCodes.OK;
    }
    PrintStream err = System.err;
    AgentLog log = new AgentLog(err, Clock.systemUTC());
    Agent agent;
    try {
      agent = Agent.start(cfg, log, Clock.systemUTC());
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      try {
        agent.close();
      } catch (IOException e) {
        log.error("stop failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "lagotto-agent-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return ExitCodes.OK;
  }
}

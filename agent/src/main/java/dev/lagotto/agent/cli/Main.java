package dev.lagotto.agent.cli;

import dev.lagotto.agent.client.SearchCommand;
import dev.lagotto.agent.client.SubjectCommand;
import dev.lagotto.agent.daemon.AgentCommand;
import dev.lagotto.agent.server.ServeCommand;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point: builds the command line for an environment and runs it. The only place that exits the JVM. */
public final class Main {
  private static final int OUT_BUFFER = 1 << 16;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), OUT_BUFFER), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(CliEnvironment.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs {@code args} in {@code env}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(CliEnvironment env, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(env);
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The {@code lagotto} command tree for {@code env}. */
  public static CommandLine commandLine(CliEnvironment env) {
    CommandLine cl = new CommandLine(new LagottoCommand());
    cl.addSubcommand(ScanCommand.NAME, new ScanCommand(env));
    CommandLine rules = new CommandLine(new RulesCommand());
    rules.addSubcommand(RulesListCommand.NAME, new RulesListCommand());
    rules.addSubcommand(RulesShowCommand.NAME, new RulesShowCommand());
    rules.addSubcommand(RulesTestCommand.NAME, new RulesTestCommand());
    cl.addSubcommand(RulesCommand.NAME, rules);
    cl.addSubcommand(AgentCommand.NAME, new AgentCommand(env));
    cl.addSubcommand(SearchCommand.NAME, new SearchCommand(env));
    cl.addSubcommand(SubjectCommand.NAME, new SubjectCommand(env));
    cl.addSubcommand(ServeCommand.NAME, new ServeCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (e instanceof UsageException) {
        cmd.getErr().println("lagotto " + cmd.getCommandName() + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
      cmd.getErr().println("lagotto " + cmd.getCommandName() + ": internal error: " + e.getClass().getName());
      if (cmd.getCommand() instanceof ScanCommand scan && !scan.verbose()) {
        cmd.getErr().println("lagotto " + cmd.getCommandName() + ": run with --verbose for the stack trace");
      } else {
        e.printStackTrace(cmd.getErr());
      }
      return ExitCodes.INTERNAL_ERROR;
    });
    return cl;
  }
}

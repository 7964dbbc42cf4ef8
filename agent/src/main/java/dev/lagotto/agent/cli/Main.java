package dev.lagotto.agent.cli;

import dev.lagotto.agent.client.SearchCommand;
import dev.lagotto.agent.client.SubjectCommand;
import dev.lagotto.agent.daemon.AgentCommand;
import dev.lagotto.agent.output.Utf8PrintWriter;
import dev.lagotto.agent.server.ServeCommand;
import dev.lagotto.core.rule.RuleLoadException;
import dev.lagotto.core.rule.RulePackLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** The entry point: builds the command line for an environment and runs it. The only place that exits the JVM. */
public final class Main {
  private static final int OUT_BUFFER = 1 << 16;

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && (ScanCommand.NAME.equals(args[0]) || RulesCommand.NAME.equals(args[0]))) {
      preloadDefaultPack();
    }
    PrintWriter out = new Utf8PrintWriter(new FileOutputStream(FileDescriptor.out), OUT_BUFFER);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(CliEnvironment.system(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Starts reading the default rule pack on a daemon thread, so that it overlaps building and parsing the
   * command line on a second core; the command's own {@link RulePackLoader#loadDefault()} then takes the
   * same pack (or reports the same failure), waiting if the read is not over. Wasted only when the command
   * replaces the default pack.
   */
  private static void preloadDefaultPack() {
    Thread t = new Thread(Main::readDefaultPack, "lagotto-rules-preload");
    t.setDaemon(true);
    t.start();
  }

  private static void readDefaultPack() {
    try {
      RulePackLoader.loadDefault();
    } catch (RuleLoadException | RuntimeException e) {
      // the command's own call gets the same failure and reports it
      return;
    }
  }

  /** Runs {@code args} in {@code env}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(CliEnvironment env, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = args.length == 1 && VERSION_OPTIONS.contains(args[0])
        ? commandLine(env, VERSION_ONLY) : commandLine(env, args.length == 0 ? null : args[0]);
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The options that print the version; given alone, they need no subcommand. */
  private static final List<String> VERSION_OPTIONS = List.of("--version", "-V");
  /** Marker for {@link #commandLine(CliEnvironment, String)}: the top command without subcommands. */
  private static final String VERSION_ONLY = "";

  /** The subcommands of {@code lagotto}, in help order. */
  private static final List<String> SUBCOMMANDS = List.of(ScanCommand.NAME, RulesCommand.NAME, AgentCommand.NAME,
      SearchCommand.NAME, SubjectCommand.NAME, ServeCommand.NAME);

  /** The {@code lagotto} command tree for {@code env}. */
  public static CommandLine commandLine(CliEnvironment env) {
    return commandLine(env, null);
  }

  /**
   * The command tree for {@code env} holding only the subcommand named {@code first} when it names one, else
   * all of them. Building a subcommand's model costs class loading and annotation reflection (for
   * {@code serve}, {@code agent} and {@code search}, a good part of the start of {@code lagotto scan}); the
   * one subcommand parses, runs and prints help exactly as in the whole tree, and anything else (no
   * arguments, {@code --help}, a misspelt command) gets the whole tree and its messages. {@link #VERSION_ONLY}
   * gives the top command alone: {@code lagotto --version} prints what the whole tree prints.
   */
  static CommandLine commandLine(CliEnvironment env, String first) {
    CommandLine cl = new CommandLine(new LagottoCommand());
    if (VERSION_ONLY.equals(first)) {
      return finish(cl);
    }
    if (first != null && SUBCOMMANDS.contains(first)) {
      cl.addSubcommand(first, subcommand(first, env));
    } else {
      for (String name : SUBCOMMANDS) {
        cl.addSubcommand(name, subcommand(name, env));
      }
    }
    return finish(cl);
  }

  /** {@code cl} with the settings every tree shares: enum values in any case, the execution error handler. */
  private static CommandLine finish(CommandLine cl) {
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

  /** A new instance of the subcommand {@code name} (one of {@link #SUBCOMMANDS}). */
  private static Object subcommand(String name, CliEnvironment env) {
    return switch (name) {
      case ScanCommand.NAME -> new ScanCommand(env);
      case RulesCommand.NAME -> {
        CommandLine rules = new CommandLine(new RulesCommand());
        rules.addSubcommand(RulesListCommand.NAME, new RulesListCommand());
        rules.addSubcommand(RulesShowCommand.NAME, new RulesShowCommand());
        rules.addSubcommand(RulesTestCommand.NAME, new RulesTestCommand());
        yield rules;
      }
      case AgentCommand.NAME -> new AgentCommand(env);
      case SearchCommand.NAME -> new SearchCommand(env);
      case SubjectCommand.NAME -> new SubjectCommand(env);
      case ServeCommand.NAME -> new ServeCommand();
      default -> throw new IllegalArgumentException("unknown subcommand " + name);
    };
  }
}

package dev.lagotto.agent.cli;

import dev.lagotto.core.extract.SourceOpener;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command reads from its process: environment variables, the home directory, standard input,
 * whether stdout/stderr are terminals, the host name, how files are opened and the number of cores. Passed
 * as a value so that tests run commands in-process with their own; nothing deeper reads the globals.
 *
 * @param env environment variables (e.g. {@code LAGOTTO_KEY})
 * @param home the user's home directory ({@code ~/.lagotto/key} lives under it)
 * @param stdin what source {@code -} reads
 * @param stdoutTerminal whether standard output is a terminal (default format {@code table})
 * @param stderrTerminal whether standard error is a terminal (progress line)
 * @param hostname the host name put in every finding's source
 * @param opener how files are opened
 * @param cores the default number of scan threads
 */
public record CliEnvironment(
    Map<String, String> env,
    Path home,
    InputStream stdin,
    boolean stdoutTerminal,
    boolean stderrTerminal,
    String hostname,
    SourceOpener opener,
    int cores) {

  public CliEnvironment {
    env = Map.copyOf(env);
  }

  /** The environment of this process. */
  public static CliEnvironment system() {
    boolean console = System.console() != null;
    return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.in,
        console, console && isTerminal(2), systemHostname(), SourceOpener.FILES, Runtime.getRuntime().availableProcessors());
  }

  /** A copy that opens files with {@code opener}. */
  public CliEnvironment withOpener(SourceOpener o) {
    return new CliEnvironment(env, home, stdin, stdoutTerminal, stderrTerminal, hostname, o, cores);
  }

  /** A copy that reads standard input from {@code in}. */
  public CliEnvironment withStdin(InputStream in) {
    return new CliEnvironment(env, home, in, stdoutTerminal, stderrTerminal, hostname, opener, cores);
  }

  /** A copy with these environment variables. */
  public CliEnvironment withEnv(Map<String, String> variables) {
    return new CliEnvironment(variables, home, stdin, stdoutTerminal, stderrTerminal, hostname, opener, cores);
  }

  private static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }

  private static String systemHostname() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // not Linux: fall through to the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}

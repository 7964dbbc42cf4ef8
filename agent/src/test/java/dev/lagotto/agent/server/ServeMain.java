package dev.lagotto.agent.server;

import picocli.CommandLine;

/** Runs {@code lagotto serve} alone in a child JVM for crash tests (the CLI's Main is another package's). */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCommand()).execute(args));
  }
}

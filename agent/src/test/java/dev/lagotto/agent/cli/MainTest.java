package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link Main}: a run builds only the subcommand it names, which behaves as in the whole tree. */
class MainTest {
  private static final CliEnvironment ENV = CliEnvironment.system();

  @Test
  void aNamedSubcommandIsTheOnlyOneBuiltAndHelpsAsInTheWholeTree() {
    CommandLine whole = Main.commandLine(ENV);
    assertThat(whole.getSubcommands().keySet()).containsExactly("scan", "rules", "agent", "search", "subject", "serve");
    for (String name : whole.getSubcommands().keySet()) {
      CommandLine one = Main.commandLine(ENV, name);
      assertThat(one.getSubcommands().keySet()).containsExactly(name);
      assertThat(one.getSubcommands().get(name).getUsageMessage())
          .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
    }
    assertThat(Main.commandLine(ENV, "--help").getSubcommands()).hasSize(whole.getSubcommands().size());
    assertThat(Main.commandLine(ENV, "scna").getSubcommands()).hasSize(whole.getSubcommands().size());
  }

  @Test
  void theVersionAloneIsPrintedWithoutSubcommandsExactlyAsByTheWholeTree() {
    for (String option : new String[] {"--version", "-V"}) {
      StringWriter wholeOut = new StringWriter();
      CommandLine whole = Main.commandLine(ENV);
      whole.setOut(new PrintWriter(wholeOut));
      int wholeCode = whole.execute(option);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(ENV, new PrintWriter(out), new PrintWriter(err), option);
      assertThat(wholeOut.toString()).startsWith("lagotto ");
      assertThat(out.toString()).isEqualTo(wholeOut.toString());
      assertThat(code).isEqualTo(wholeCode).isZero();
      assertThat(err.toString()).isEmpty();
    }
    assertThat(Main.commandLine(ENV, "").getSubcommands()).isEmpty();
  }

  @Test
  void aMisspeltCommandIsReportedAgainstTheWholeTree() {
    StringWriter err = new StringWriter();
    int code = Main.run(ENV, new PrintWriter(new StringWriter()), new PrintWriter(err), "scna", "x");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("scna", "scan");
  }
}

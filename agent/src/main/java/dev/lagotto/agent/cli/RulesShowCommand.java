package dev.lagotto.agent.cli;

import dev.lagotto.core.rule.Rule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lagotto rules show ID}: one rule with its fields and examples. */
@Command(name = RulesShowCommand.NAME, mixinStandardHelpOptions = true, description = "Show one rule with its examples.")
public final class RulesShowCommand implements Callable<Integer> {
  public static final String NAME = "show";

  @Spec
  CommandSpec spec;

  @Mixin
  RulePackOptions rulePack = new RulePackOptions();

  @Parameters(paramLabel = "ID", description = "The rule id (see rules list).")
  String id;

  @Override
  public Integer call() {
    Rule r = rulePack.load().get(id).orElseThrow(() -> new UsageException("unknown rule '" + id + "' (see: lagotto rules list)"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("id:          " + r.id());
    out.println("category:    " + r.category().id());
    out.println("description: " + (r.description() == null ? "" : r.description()));
    out.println(r.pattern() != null ? "pattern:     " + r.pattern() : "matcher:     " + r.matcher());
    out.println("boundary:    " + r.boundary().name().toLowerCase(java.util.Locale.ROOT));
    if (!r.keywords().isEmpty()) {
      out.println("keywords:    " + r.keywords());
    }
    if (r.trigger() != null) {
      out.println("trigger:     " + r.trigger());
    }
    if (!r.validators().isEmpty()) {
      out.println("validators:  " + r.validators());
    }
    Rule.RuleContext c = r.context();
    if (!c.words().isEmpty() || !c.keys().isEmpty() || !c.negative().isEmpty() || !c.negativeSuffix().isEmpty()) {
      out.println("context:     words=" + c.words() + " keys=" + c.keys() + " negative=" + c.negative()
          + " negative_suffix=" + c.negativeSuffix() + " window=" + c.window() + " boost=" + c.boost()
          + " penalty=" + c.penalty() + " required=" + c.required());
    }
    out.println("confidence:  " + r.confidence());
    out.println("origin:      " + r.origin());
    out.println("examples:");
    for (Rule.MatchExample m : r.examples().match()) {
      out.println("  match:   " + m.text() + "  ->  " + m.find());
    }
    for (Rule.NoMatchExample n : r.examples().nomatch()) {
      out.println("  nomatch: " + n.text() + "  (" + n.why() + ")");
    }
    out.flush();
    return ExitCodes.OK;
  }
}

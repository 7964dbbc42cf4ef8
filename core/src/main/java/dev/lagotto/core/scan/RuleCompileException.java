package dev.lagotto.core.scan;

/**
 * A rule that cannot be compiled into the scanner: a pattern outside the dialect, keywords that do not
 * cover every match, an unknown validator, matcher or trigger. {@link #field()} names the rule field at
 * fault so that the loader can point at its line.
 */
public final class RuleCompileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String reason;

  public RuleCompileException(String field, String reason) {
    this(null, field, reason);
  }

  /** The same problem, attributed to a rule ({@code where}: id and origin) in the message. */
  public RuleCompileException(String where, String field, String reason) {
    super((where == null ? "" : "rule " + where + ": ") + field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The rule field at fault, as spelled in rule files ({@code pattern}, {@code keywords}, ...). */
  public String field() {
    return field;
  }

  /** What is wrong, without the rule and field. */
  public String reason() {
    return reason;
  }
}

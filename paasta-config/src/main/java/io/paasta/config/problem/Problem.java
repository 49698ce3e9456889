package io.paasta.config.problem;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem in a config file, with the user's coordinates. Printed as {@code FILE:LINE:
 * INSTANCE.FIELD: what is wrong (the value) - what is expected}.
 *
 * @param file the file, relative to the soa-configs (or system config) directory
 * @param line 1-based line, or 0 when unknown (a missing file, a folder)
 * @param column 1-based column, or 0 when unknown
 * @param subject {@code instance.field} (or the key path in files without instances); may be empty
 * @param message what is wrong
 * @param value the offending value as the user wrote it, if there is one
 * @param expected what is expected instead; may be empty
 * @param scope whether the rule keeps a config from running ({@link Scope#RUN_CONFIG}, the default)
 *     or is a policy of the tree ({@link Scope#TREE_POLICY}): {@code paasta validate} fails on
 *     both, the daemon refuses only the first and reports the second as a warning
 */
public record Problem(
    Severity severity,
    String file,
    int line,
    int column,
    String subject,
    String message,
    Optional<String> value,
    String expected,
    Scope scope) {

  /** What a rule protects: a config safe to run, or a policy of the soa-configs tree. */
  public enum Scope {
    /** The value would make the instance's run config wrong or unsafe: never deployed. */
    RUN_CONFIG,
    /**
     * A rule about the tree (a missing monitoring.yaml, {@code external_link}, deploy.yaml
     * membership): validate refuses it, the daemon warns and deploys.
     */
    TREE_POLICY
  }

  /** A problem of a run-config rule (the default scope). */
  public Problem(
      Severity severity,
      String file,
      int line,
      int column,
      String subject,
      String message,
      Optional<String> value,
      String expected) {
    this(severity, file, line, column, subject, message, value, expected, Scope.RUN_CONFIG);
  }

  private static final int MAX_VALUE_LENGTH = 80;

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(scope, "scope");
    value = value.map(Problem::shorten);
  }

  public static Problem error(
      Location at, String subject, String message, Object value, String expected) {
    return new Problem(
        Severity.ERROR,
        at.file(),
        at.line(),
        at.column(),
        subject,
        message,
        describe(value),
        expected);
  }

  public static Problem warning(Location at, String subject, String message, String expected) {
    return new Problem(
        Severity.WARNING,
        at.file(),
        at.line(),
        at.column(),
        subject,
        message,
        Optional.empty(),
        expected);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This problem, marked as a rule of tree policy (see {@link Scope#TREE_POLICY}). */
  public Problem asTreePolicy() {
    return new Problem(
        severity, file, line, column, subject, message, value, expected, Scope.TREE_POLICY);
  }

  /** This problem without its value: for files whose values are not to be shown (secrets). */
  public Problem withoutValue() {
    return new Problem(
        severity, file, line, column, subject, message, Optional.empty(), expected, scope);
  }

  /** Whether the daemon must refuse the config: an error of a run-config rule. */
  public boolean blocksRun() {
    return isError() && scope == Scope.RUN_CONFIG;
  }

  /**
   * As the daemon reports it: unchanged when it blocks the run, a warning when it is an error of
   * tree policy.
   */
  public Problem forDaemon() {
    return isError() && scope == Scope.TREE_POLICY
        ? new Problem(
            Severity.WARNING, file, line, column, subject, message, value, expected, scope)
        : this;
  }

  /** The one-line form, {@code FILE:LINE: SUBJECT: message (value) - expected}. */
  public String format() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    out.append(": ");
    if (severity == Severity.WARNING) {
      out.append("warning: ");
    }
    if (!subject.isEmpty()) {
      out.append(subject).append(": ");
    }
    out.append(message);
    value.ifPresent(v -> out.append(" (").append(v).append(')'));
    if (!expected.isEmpty()) {
      out.append(" - ").append(expected);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return format();
  }

  /** A value as the user would have written it: strings quoted, null as null. */
  private static Optional<String> describe(Object value) {
    if (value == NO_VALUE) {
      return Optional.empty();
    }
    if (value == null) {
      return Optional.of("null");
    }
    if (value instanceof String s) {
      return Optional.of('"' + s + '"');
    }
    return Optional.of(String.valueOf(value));
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\n", "\\n");
    return oneLine.length() <= MAX_VALUE_LENGTH
        ? oneLine
        : oneLine.substring(0, MAX_VALUE_LENGTH - 3) + "...";
  }

  /** Pass as the value of {@link #error} when there is no offending value to show. */
  public static final Object NO_VALUE = new Object();
}

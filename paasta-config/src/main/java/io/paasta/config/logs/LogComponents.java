package io.paasta.config.logs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The components of SPEC section 13 and the names users may give for them. */
public final class LogComponents {
  public static final String BUILD = "build";
  public static final String DEPLOY = "deploy";
  public static final String MONITORING = "monitoring";
  public static final String OOM = "oom";
  public static final String TASK_LIFECYCLE = "task_lifecycle";
  public static final String STDOUT = "stdout";
  public static final String STDERR = "stderr";
  public static final String APP_OUTPUT = "app_output";

  /** Every component a line may have, in the order help lists them. */
  public static final List<String> KNOWN =
      List.of(
          BUILD, DEPLOY, MONITORING, OOM, TASK_LIFECYCLE, STDOUT, STDERR, "marathon", "chronos");

  /** Names users may give: the components and {@code app_output} (stdout and stderr). */
  public static final List<String> NAMES =
      List.of(
          BUILD,
          DEPLOY,
          MONITORING,
          OOM,
          TASK_LIFECYCLE,
          STDOUT,
          STDERR,
          APP_OUTPUT,
          "marathon",
          "chronos");

  /** What {@code paasta logs} shows without {@code -C}. */
  public static final Set<String> DEFAULT = Set.of(STDOUT, STDERR);

  private LogComponents() {}

  /**
   * The components of the names users gave ({@code app_output} is stdout and stderr).
   *
   * @throws IllegalArgumentException naming the unknown names and the known ones
   */
  public static Set<String> expand(List<String> names) {
    Set<String> components = new LinkedHashSet<>();
    List<String> unknown = new java.util.ArrayList<>();
    for (String name : names) {
      if (name.equals(APP_OUTPUT)) {
        components.add(STDOUT);
        components.add(STDERR);
      } else if (KNOWN.contains(name)) {
        components.add(name);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown component(s) "
              + String.join(", ", unknown)
              + "; known components: "
              + String.join(", ", NAMES));
    }
    return Set.copyOf(components);
  }
}

package io.paasta.planning.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans as text, for {@code --dry-run} and logs: a heading with the status, then one line per
 * action with its reason; task ids shortened to 12 characters (as {@code docker ps} shows them).
 *
 * <pre>
 * svc.main: bouncing crossover: 2/3 new happy, 1 old up
 *   drain 1 task(s) 0123456789ab: crossover bounce: 2/3 new happy
 *   start 1 task(s) of svc.main.git01234567.config89abcdef: 2 of 3 task(s) live; crossover bounce
 *   (steady | next pass in 2s)
 * </pre>
 *
 * <p>Object changes (Kubernetes) print as {@code update Deployment ns/name (spec.replicas): why}.
 */
public final class PlanPrinter {
  public static final int SHORT_ID = 12;

  private PlanPrinter() {}

  /** The plan of {@code subject} (e.g. {@code service.instance}), lines ending in '\n'. */
  public static String print(String subject, Plan plan) {
    StringBuilder out = new StringBuilder(subject).append(": ").append(plan.status()).append('\n');
    if (plan.isEmpty()) {
      out.append("  nothing to do\n");
    }
    for (Action action : plan.actions()) {
      out.append("  ").append(describe(action)).append('\n');
    }
    if (!plan.steady()) {
      plan.recheckAfter()
          .ifPresent(after -> out.append("  next pass in ").append(seconds(after)).append('\n'));
    }
    return out.toString();
  }

  /** One action on one line: what, on which tasks, and why. */
  public static String describe(Action action) {
    if (action instanceof Action.StartTasks start) {
      return "start " + start.count() + " task(s) of " + start.appId() + ": " + start.reason();
    }
    if (action instanceof Action.DrainTasks drain) {
      return tasks("drain", drain.taskIds()) + ": " + drain.reason();
    }
    if (action instanceof Action.KillTasks kill) {
      return tasks("kill", kill.taskIds()) + ": " + kill.reason();
    }
    if (action instanceof Action.ChangeObject change) {
      return change.verb().name().toLowerCase(java.util.Locale.ROOT)
          + " "
          + change.object()
          + (change.fields().isEmpty() ? "" : " (" + String.join(", ", change.fields()) + ")")
          + ": "
          + change.reason();
    }
    Action.RemoveExited remove = (Action.RemoveExited) action;
    return tasks("remove exited", remove.taskIds()) + ": " + remove.reason();
  }

  public static String shortId(String id) {
    return id.length() > SHORT_ID ? id.substring(0, SHORT_ID) : id;
  }

  private static String tasks(String verb, List<String> ids) {
    return verb
        + " "
        + ids.size()
        + " task(s) "
        + ids.stream().map(PlanPrinter::shortId).collect(Collectors.joining(","));
  }

  private static String seconds(java.time.Duration after) {
    long millis = after.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + "s"
        : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
  }
}

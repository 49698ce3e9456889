package io.paasta.monitoring.check;

import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * {@code check_crash_loop.<svc.inst>}: CRITICAL when at least {@link CheckSettings#crashLoopExits}
 * tasks of the instance exited by themselves within {@link CheckSettings#crashLoopWindow} (the
 * platform removes the tasks it stops, so an exited task is one that exited on its own).
 */
public final class CrashLoopCheck {
  private CrashLoopCheck() {}

  public static CheckResult evaluate(InstanceSnapshot s, Instant now, CheckSettings settings) {
    Instant windowStart = now.minus(settings.crashLoopWindow());
    int exits = 0;
    Instant newest = Instant.MIN;
    OptionalInt lastCode = OptionalInt.empty();
    for (ObservedTask task : s.tasks()) {
      if (task.state() != TaskState.EXITED || task.finishedAt().isEmpty()) {
        continue;
      }
      Instant finished = task.finishedAt().get();
      if (finished.isAfter(windowStart) && !finished.isAfter(now)) {
        exits++;
        if (finished.isAfter(newest)) {
          newest = finished;
          lastCode = task.exitCode();
        }
      }
    }
    boolean looping = exits >= settings.crashLoopExits();
    String output =
        s.ref().serviceInstance()
            + ": "
            + exits
            + (exits == 1 ? " task exited" : " tasks exited")
            + " in the last "
            + HumanDuration.format(settings.crashLoopWindow())
            + " (crash loop at "
            + settings.crashLoopExits()
            + ")"
            + (lastCode.isPresent() ? "; last exit code " + lastCode.getAsInt() : "");
    return new CheckResult(
        CheckKind.CRASH_LOOP.checkName(s.ref()),
        CheckKind.CRASH_LOOP,
        looping ? CheckStatus.CRITICAL : CheckStatus.OK,
        output);
  }
}

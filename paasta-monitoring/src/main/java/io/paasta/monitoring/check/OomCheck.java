package io.paasta.monitoring.check;

import java.time.Instant;

/**
 * {@code oom-killer.<svc.inst>} (PaaSTA's check_oom_events): CRITICAL while the OOM killer killed a
 * task of the instance within {@link CheckSettings#oomWindow}. An instance opts out with {@code
 * check_oom_events: false} in its monitoring config, as in PaaSTA.
 */
public final class OomCheck {
  /** The monitoring key that turns the check off. */
  public static final String ENABLE_KEY = "check_oom_events";

  private OomCheck() {}

  public static CheckResult evaluate(InstanceSnapshot s, Instant now, CheckSettings settings) {
    String name = CheckKind.OOM.checkName(s.ref());
    String who = s.ref().serviceInstance().toString();
    if (Boolean.FALSE.equals(s.monitoring().extra().get(ENABLE_KEY))) {
      return new CheckResult(
          name,
          CheckKind.OOM,
          CheckStatus.OK,
          "OOM check disabled for " + who + " (" + ENABLE_KEY + ": false)");
    }
    Instant windowStart = now.minus(settings.oomWindow());
    int kills = 0;
    for (Instant kill : s.oomKills()) {
      if (kill.isAfter(windowStart) && !kill.isAfter(now)) {
        kills++;
      }
    }
    String window = HumanDuration.format(settings.oomWindow());
    if (kills == 0) {
      return new CheckResult(
          name, CheckKind.OOM, CheckStatus.OK, "No OOM kills of " + who + " in the last " + window);
    }
    return new CheckResult(
        name,
        CheckKind.OOM,
        CheckStatus.CRITICAL,
        "The Out Of Memory killer killed "
            + kills
            + (kills == 1 ? " task of " : " tasks of ")
            + who
            + " in the last "
            + window
            + " in cluster "
            + s.ref().cluster()
            + ": raise its mem limit or lower its memory use");
  }
}

package io.paasta.planning;

import io.paasta.model.WireEnum;
import io.paasta.planning.app.DesiredInstance;
import java.util.Optional;

/**
 * The one-line status of a pass for an instance that should run: {@code running 3/3}, {@code
 * bouncing crossover: 2/3 new happy, 1 old up, 1 old draining}, {@code scaling down: 3/3 happy, 2
 * draining}, {@code waiting 8s before relaunching (backoff after 4 failures); 1/3 happy}.
 */
record PassStatus(
    DesiredInstance desired, int happy, int live, Optional<CrashBackoff.Delay> waiting) {

  /**
   * @param oldLive live tasks of old apps
   * @param oldUp old live tasks left up after this pass
   * @param drainingAfter tasks still draining (not yet safe to kill)
   */
  String describe(int oldLive, int oldUp, int drainingAfter) {
    String counts = happy + "/" + desired.instances();
    if (waiting.isPresent()) {
      CrashBackoff.Delay delay = waiting.get();
      return "waiting "
          + seconds(delay)
          + "s before relaunching (backoff after "
          + delay.failures()
          + " failures); "
          + counts
          + " happy";
    }
    if (oldLive > 0) {
      StringBuilder line =
          new StringBuilder("bouncing ")
              .append(WireEnum.wireName(desired.bounceMethod()))
              .append(": ")
              .append(counts)
              .append(" new happy");
      if (oldUp > 0) {
        line.append(", ").append(oldUp).append(" old up");
      }
      if (oldLive > oldUp) {
        line.append(", ").append(oldLive - oldUp).append(" old draining");
      }
      return line.toString();
    }
    if (live > desired.instances()) {
      return "scaling down: " + counts + " happy, " + (live - desired.instances()) + " draining";
    }
    return "running " + counts + (drainingAfter > 0 ? ", " + drainingAfter + " draining" : "");
  }

  private static long seconds(CrashBackoff.Delay delay) {
    return (delay.remaining().toMillis() + 999) / 1000;
  }
}

package io.paasta.planning.bounce;

import io.paasta.planning.observed.ObservedTask;
import java.util.List;

/**
 * A bounce method's answer.
 *
 * @param startNew whether the new app may be created (tasks of it started) now
 * @param drain the old tasks to take out of service now
 */
public record BounceDecision(boolean startNew, List<ObservedTask> drain) {
  public BounceDecision {
    drain = List.copyOf(drain);
  }
}

package io.paasta.planning.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one pass does for one instance.
 *
 * @param actions in order
 * @param steady whether the instance is where it should be (nothing to do, nothing in progress)
 * @param recheckAfter when the next pass should come, if sooner than the periodic one (a bounce in
 *     progress, a launch delayed by backoff)
 * @param status a one-line summary of where the instance is, for logs and status
 */
public record Plan(
    List<Action> actions, boolean steady, Optional<Duration> recheckAfter, String status) {
  public Plan {
    actions = List.copyOf(actions);
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }
}

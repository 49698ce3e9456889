package io.paasta.planning.bounce;

import io.paasta.planning.observed.ObservedTask;
import java.util.List;

/**
 * What a bounce method decides on (SPEC section 5). Draining tasks are in neither list: they are
 * already on their way out.
 *
 * @param desired N, the desired task count of the new app
 * @param newHappy H, happy tasks of the new app
 * @param oldHappy OH, happy live tasks of other apps of the instance, in keep-first order
 * @param oldUnhappy OU, unhappy live tasks of other apps, in keep-first order
 * @param marginFactor bounce_margin_factor (crossover only)
 */
public record BounceInput(
    int desired,
    int newHappy,
    List<ObservedTask> oldHappy,
    List<ObservedTask> oldUnhappy,
    double marginFactor) {
  public BounceInput {
    oldHappy = List.copyOf(oldHappy);
    oldUnhappy = List.copyOf(oldUnhappy);
  }

  /** Happy old tasks first, then unhappy ones. */
  public List<ObservedTask> oldLive() {
    return java.util.stream.Stream.concat(oldHappy.stream(), oldUnhappy.stream()).toList();
  }
}

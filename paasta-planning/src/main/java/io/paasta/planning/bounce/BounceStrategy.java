package io.paasta.planning.bounce;

import io.paasta.model.BounceMethod;
import io.paasta.planning.observed.ObservedTask;
import java.util.List;

/**
 * One bounce method of SPEC section 5, as a pure decision over N, H, OH and OU:
 *
 * <pre>
 * method      | create new app                        | drain
 * brutal      | if not yet created                    | all old tasks, at once
 * upthendown  | if not yet created                    | all old tasks, but only once H == N exactly
 * crossover   | if not yet created                    | keep max(ceil(N * margin) - H, 0) old tasks,
 *             |                                       | happy ones first; drain the rest
 * downthenup  | only when no happy old task is left   | all old tasks
 * down        | never                                 | all old tasks
 * </pre>
 *
 * "If not yet created" is {@code startNew = true}: starting the missing tasks of an existing new
 * app is a scale, which these methods always allow.
 */
public sealed interface BounceStrategy {
  BounceDecision decide(BounceInput input);

  /**
   * Whether new tasks may run while tasks of old apps still run (draining ones included). Only
   * downthenup and down say no: the planner then starts new tasks only once every old task is gone,
   * so "down, then up" holds even while old tasks drain (issue 4: never old and new together).
   */
  default boolean overlapsOldAndNew() {
    return true;
  }

  static BounceStrategy of(BounceMethod method) {
    return switch (method) {
      case BRUTAL -> new Brutal();
      case UPTHENDOWN -> new UpThenDown();
      case CROSSOVER -> new Crossover();
      case DOWNTHENUP -> new DownThenUp();
      case DOWN -> new Down();
    };
  }

  /** Start the new app at once, drain every old task at once. */
  record Brutal() implements BounceStrategy {
    @Override
    public BounceDecision decide(BounceInput input) {
      return new BounceDecision(true, input.oldLive());
    }
  }

  /** Start the new app at once; drain every old task only once exactly N new tasks are happy. */
  record UpThenDown() implements BounceStrategy {
    @Override
    public BounceDecision decide(BounceInput input) {
      boolean done = input.newHappy() == input.desired();
      return new BounceDecision(true, done ? input.oldLive() : List.of());
    }
  }

  /**
   * Start the new app at once; keep {@code max(ceil(N * margin) - H, 0)} old tasks (happy ones
   * first) and drain the rest, so unhappy old tasks go first.
   */
  record Crossover() implements BounceStrategy {
    @Override
    public BounceDecision decide(BounceInput input) {
      List<ObservedTask> old = input.oldLive();
      int keep = Math.min(keep(input), old.size());
      return new BounceDecision(true, old.subList(keep, old.size()));
    }

    /** How many old tasks stay up: PaaSTA's arithmetic, {@code ceil} of the double product. */
    static int keep(BounceInput input) {
      int floor = (int) Math.ceil(input.desired() * input.marginFactor());
      return Math.max(floor - input.newHappy(), 0);
    }
  }

  /** Drain every old task; create the new app only when no happy old task is left. */
  record DownThenUp() implements BounceStrategy {
    @Override
    public BounceDecision decide(BounceInput input) {
      return new BounceDecision(input.oldHappy().isEmpty(), input.oldLive());
    }

    @Override
    public boolean overlapsOldAndNew() {
      return false;
    }
  }

  /** Never create; drain every old task (stopping or removing an instance). */
  record Down() implements BounceStrategy {
    @Override
    public BounceDecision decide(BounceInput input) {
      return new BounceDecision(false, input.oldLive());
    }

    @Override
    public boolean overlapsOldAndNew() {
      return false;
    }
  }
}

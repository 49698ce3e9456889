package io.paasta.planning.testing;

import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A simulated engine for one instance: applies plans to its tasks and moves time on. Started tasks
 * run at once, turn HEALTHY after {@link #healthyAfter}, drains become safe after {@link
 * #drainDelay}; tasks of apps in {@link #crashing} exit {@link #crashAfter} after they start.
 */
public final class FakeEngine {
  private final InstanceRef ref;
  private final Map<String, Sim> tasks = new LinkedHashMap<>();
  private int sequence;
  public Instant now = Tasks.T0;
  public Duration healthyAfter = Duration.ofSeconds(5);
  public Duration drainDelay = Duration.ofSeconds(3);
  public Duration crashAfter = Duration.ofMillis(500);
  public Set<String> crashing = Set.of();
  public final List<Instant> starts = new ArrayList<>();

  private static final class Sim {
    final String id;
    final String appId;
    final Instant startedAt;
    Instant drainingSince;
    Instant exitedAt;

    Sim(String id, String appId, Instant startedAt) {
      this.id = id;
      this.appId = appId;
      this.startedAt = startedAt;
    }
  }

  public FakeEngine(InstanceRef ref) {
    this.ref = ref;
  }

  /** A task of {@code appId} that has been running and healthy for an hour. */
  public void seed(String appId, int count) {
    for (int i = 0; i < count; i++) {
      String id = nextId();
      tasks.put(id, new Sim(id, appId, now.minus(Duration.ofHours(1))));
    }
  }

  public ObservedInstance observe() {
    List<ObservedTask> observed = new ArrayList<>();
    for (Sim sim : tasks.values()) {
      observed.add(observe(sim));
    }
    return new ObservedInstance(ref, observed);
  }

  private ObservedTask observe(Sim sim) {
    if (sim.exitedAt == null && crashing.contains(sim.appId)) {
      Instant crash = sim.startedAt.plus(crashAfter);
      sim.exitedAt = crash.isAfter(now) ? null : crash;
    }
    boolean exited = sim.exitedAt != null;
    boolean healthy = !exited && !sim.startedAt.plus(healthyAfter).isAfter(now);
    DrainState drain =
        sim.drainingSince == null
            ? DrainState.NOT_DRAINING
            : sim.drainingSince.plus(drainDelay).isAfter(now)
                ? DrainState.DRAINING
                : DrainState.SAFE_TO_KILL;
    return new ObservedTask(
        sim.id,
        sim.appId,
        exited ? TaskState.EXITED : TaskState.RUNNING,
        Optional.of(sim.startedAt),
        Optional.ofNullable(sim.exitedAt),
        exited ? OptionalInt.of(1) : OptionalInt.empty(),
        OptionalInt.empty(),
        healthy ? HealthState.HEALTHY : HealthState.UNKNOWN,
        drain,
        false);
  }

  public void apply(Plan plan) {
    for (Action action : plan.actions()) {
      if (action instanceof Action.StartTasks start) {
        for (int i = 0; i < start.count(); i++) {
          String id = nextId();
          tasks.put(id, new Sim(id, start.appId(), now));
          starts.add(now);
        }
      } else if (action instanceof Action.DrainTasks drain) {
        drain.taskIds().forEach(id -> tasks.get(id).drainingSince = now);
      } else if (action instanceof Action.KillTasks kill) {
        kill.taskIds().forEach(tasks::remove);
      } else if (action instanceof Action.RemoveExited remove) {
        remove.taskIds().forEach(tasks::remove);
      }
    }
  }

  public void advance(Duration step) {
    now = now.plus(step);
  }

  private String nextId() {
    return String.format("%012d", ++sequence) + "f".repeat(52);
  }
}

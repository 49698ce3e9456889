package io.paasta.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Plan;
import io.paasta.server.loop.PassResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A pass tells the feed only when what a reader sees of the instance changed. */
class InstanceChangesTest {
  private static final InstanceRef MAIN =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private final ChangeFeed feed = new ChangeFeed();
  private final List<ChangeFeed.Change> told = new ArrayList<>();
  private final InstanceChanges changes = new InstanceChanges(feed);

  InstanceChangesTest() {
    feed.subscribe(told::add);
  }

  private static ObservedTask task(String id, HealthState health) {
    return new ObservedTask(
        id,
        "web.main.git1.config2",
        TaskState.RUNNING,
        Optional.of(T0),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.of(31000),
        health,
        DrainState.NOT_DRAINING,
        false);
  }

  private static PassResult pass(String summary, Instant at, ObservedTask... tasks) {
    return new PassResult(
        MAIN,
        Optional.empty(),
        Optional.empty(),
        new ObservedInstance(MAIN, List.of(tasks)),
        new Plan(List.of(), true, Optional.empty(), summary),
        Optional.empty(),
        summary,
        at);
  }

  @Test
  void onlyAPassThatChangesWhatIsShownIsTold() {
    changes.passed(pass("steady", T0, task("a", HealthState.UNKNOWN)));
    changes.passed(pass("steady", T0.plusSeconds(30), task("a", HealthState.UNKNOWN)));
    assertThat(told).hasSize(1);
    changes.passed(pass("steady", T0.plusSeconds(60), task("a", HealthState.HEALTHY)));
    changes.passed(pass("bouncing", T0.plusSeconds(61), task("a", HealthState.HEALTHY)));
    changes.passed(
        pass(
            "bouncing",
            T0.plusSeconds(62),
            task("a", HealthState.HEALTHY),
            task("b", HealthState.UNKNOWN)));
    assertThat(told)
        .hasSize(4)
        .allMatch(c -> c.equals(new ChangeFeed.Change("instance", "web", "main")));
    changes.taskChanged(MAIN);
    assertThat(told).hasSize(5);
  }
}

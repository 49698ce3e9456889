package io.paasta.server.metastatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.capacity.Resources;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TaskTallyTest {
  private static final InstanceRef WEB = ref("web", InstanceKind.MARATHON);
  private static final InstanceRef GONE = ref("gone", InstanceKind.MARATHON);
  private static final InstanceRef JOB = ref("nightly", InstanceKind.CHRONOS);
  private static final Map<InstanceRef, Resources> RESERVED =
      Map.of(WEB, new Resources(0.5, 256, 512), JOB, new Resources(1, 1024, 1024));

  @Test
  void tasksByStateAndTheirReservationExitedOnesNotCounted() {
    ObservedInstance web =
        new ObservedInstance(
            WEB,
            List.of(
                task(TaskState.RUNNING, HealthState.HEALTHY),
                task(TaskState.RUNNING, HealthState.UNKNOWN),
                task(TaskState.CREATED, HealthState.UNKNOWN),
                task(TaskState.RUNNING, HealthState.UNHEALTHY),
                task(TaskState.RUNNING, HealthState.FAILED),
                task(TaskState.EXITED, HealthState.FAILED)));
    ObservedInstance gone =
        new ObservedInstance(GONE, List.of(task(TaskState.RUNNING, HealthState.HEALTHY)));

    TaskTally tally =
        TaskTally.of(
            List.of(web, gone), List.of(JOB), ref -> Optional.ofNullable(RESERVED.get(ref)));

    assertThat(tally.running()).isEqualTo(3); // web's healthy one, gone's, the job's run
    assertThat(tally.starting()).isEqualTo(2);
    assertThat(tally.unhealthy()).isEqualTo(2);
    assertThat(tally.unknownConfig()).isEqualTo(1);
    assertThat(tally.used()).isEqualTo(new Resources(0.5 * 5 + 1, 256 * 5 + 1024, 512 * 5 + 1024));
  }

  @Test
  void nothingRunningReservesNothing() {
    assertThat(TaskTally.of(List.of(), List.of(), ref -> Optional.empty()))
        .isEqualTo(new TaskTally(0, 0, 0, 0, Resources.ZERO));
  }

  private static InstanceRef ref(String instance, InstanceKind kind) {
    return new InstanceRef("svc", "local", instance, kind);
  }

  private static ObservedTask task(TaskState state, HealthState health) {
    return new ObservedTask(
        "c" + System.nanoTime(),
        "svc.web.gitaaaa.configbbbb",
        state,
        state == TaskState.CREATED ? Optional.empty() : Optional.of(Instant.EPOCH),
        state == TaskState.EXITED ? Optional.of(Instant.EPOCH) : Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.of(31000),
        health,
        DrainState.NOT_DRAINING,
        false);
  }
}

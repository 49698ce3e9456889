package io.paasta.planning;

import static io.paasta.planning.testing.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.testing.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrashBackoffTest {
  private static final Duration MAX = Duration.ofSeconds(300);

  @ParameterizedTest(name = "{0} failures, factor {1}, max {2}s -> {3} ms")
  @CsvSource({
    "0, 2, 300, 0",
    "1, 2, 300, 1000",
    "2, 2, 300, 2000",
    "3, 2, 300, 4000",
    "5, 2, 300, 16000",
    "9, 2, 300, 256000",
    "10, 2, 300, 300000",
    "40, 2, 300, 300000",
    "3, 3, 300, 9000",
    "3, 1.5, 300, 2250",
    "4, 2, 5, 5000",
    "2, 2, 0.5, 500",
  })
  void launchDelayGrowsByTheFactorUpToTheCap(int failures, double factor, double max, long ms) {
    Duration cap = Duration.ofMillis(Math.round(max * 1000));
    assertThat(CrashBackoff.launchDelay(failures, factor, cap)).isEqualTo(Duration.ofMillis(ms));
  }

  @ParameterizedTest
  @CsvSource({"2, 300, 10", "2, 10, 5", "1, 300, 3", "0.5, 300, 3", "1.01, 300, 20", "2, 1, 3"})
  void historyIsLongEnoughToReachTheCap(double factor, long maxSeconds, int keep) {
    assertThat(CrashBackoff.historyToKeep(factor, Duration.ofSeconds(maxSeconds))).isEqualTo(keep);
  }

  /** Exits of tasks that ran 1 s each, finishing at the given seconds after T0. */
  private static List<ObservedTask> crashes(int... finishedAtSeconds) {
    List<ObservedTask> tasks = new ArrayList<>();
    for (int s : finishedAtSeconds) {
      tasks.add(Tasks.exited("x" + s, "app", at(s - 1), at(s)));
    }
    return tasks;
  }

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  @Test
  void noExitsNoDelay() {
    assertThat(CrashBackoff.delay(List.of(Tasks.happy("a", "app")), 2, MAX, T0)).isEmpty();
  }

  @Test
  void countsRecentCrashesAndWaitsFromTheNewest() {
    List<ObservedTask> tasks = crashes(10, 12, 15, 20);
    CrashBackoff.Delay delay = CrashBackoff.delay(tasks, 2, MAX, at(21)).orElseThrow();
    assertThat(delay.failures()).isEqualTo(4);
    assertThat(delay.remaining()).isEqualTo(Duration.ofSeconds(7)); // 20 + 8 - 21
    assertThat(CrashBackoff.delay(tasks, 2, MAX, at(28))).isEmpty();
  }

  @Test
  void aLoopAtTheCapKeepsItsCount() {
    List<ObservedTask> tasks = crashes(301, 602, 903, 1204, 1505, 1806, 2107, 2408, 2709, 3010);
    CrashBackoff.Delay delay = CrashBackoff.delay(tasks, 2, MAX, at(3011)).orElseThrow();
    assertThat(delay.failures()).isEqualTo(10);
    assertThat(delay.remaining()).isEqualTo(Duration.ofSeconds(299));
  }

  @Test
  void aLongQuietGapEndsTheSeries() {
    // 700 s between 10 and 710 is more than 2 * 300 s
    List<ObservedTask> tasks = crashes(5, 10, 710, 712);
    assertThat(CrashBackoff.delay(tasks, 2, MAX, at(712)).orElseThrow().failures()).isEqualTo(2);
  }

  @Test
  void aStableRunStartsANewSeries() {
    List<ObservedTask> tasks = new ArrayList<>(crashes(10, 12, 14));
    tasks.add(Tasks.exited("long", "app", at(15), at(100))); // ran 85 s
    tasks.addAll(crashes(102, 104));
    CrashBackoff.Delay delay = CrashBackoff.delay(tasks, 2, MAX, at(104)).orElseThrow();
    assertThat(delay.failures()).isEqualTo(3); // 104, 102 and the stable run's exit
    assertThat(delay.remaining()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aHealthyTaskUpLongEnoughResetsEarlierCrashes() {
    List<ObservedTask> tasks = new ArrayList<>(crashes(10, 12, 14));
    ObservedTask healthy = Tasks.withStart(Tasks.running("ok", "app", HealthState.HEALTHY), at(15));
    tasks.add(healthy);
    assertThat(CrashBackoff.delay(tasks, 2, MAX, at(16)).orElseThrow().failures()).isEqualTo(3);
    tasks.addAll(crashes(80));
    // at 80 the healthy task has been up 65 s: only the crash after its start counts
    assertThat(CrashBackoff.delay(tasks, 2, MAX, at(80)).orElseThrow().failures()).isEqualTo(1);
    // a task that started before the crashes does not reset them
    tasks.remove(healthy);
    tasks.add(Tasks.withStart(Tasks.running("old", "app", HealthState.HEALTHY), at(0)));
    assertThat(CrashBackoff.delay(tasks, 2, MAX, at(80)).orElseThrow().failures()).isEqualTo(4);
  }
}

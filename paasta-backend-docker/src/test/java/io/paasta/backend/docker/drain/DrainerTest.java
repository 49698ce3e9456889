package io.paasta.backend.docker.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.backend.docker.testing.Containers;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.DiscoveryDrain;
import io.paasta.planning.observed.DrainState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** noop, test and failing drains by a fake clock (http against a server: DrainIT). */
class DrainerTest {
  private final ManualClock clock = new ManualClock();
  private Drainer drainer = drainerWith(DiscoveryDrain.NONE);

  private Drainer drainerWith(DiscoveryDrain discovery) {
    return new Drainer(
        new HttpDrainClient(new LoopbackHttpClient(), Duration.ofSeconds(1)),
        clock,
        Duration.ofMillis(100),
        discovery);
  }

  /** The drainer of this test takes tasks out of {@code discovery}. */
  private void useDiscovery(DiscoveryDrain discovery) {
    drainer.close();
    drainer = drainerWith(discovery);
  }

  @AfterEach
  void close() {
    drainer.close();
  }

  private static ManagedContainer task(String method, String params) {
    return Containers.running(
        "t-" + method,
        Map.of(Labels.DRAIN_METHOD, method, Labels.DRAIN_PARAMS, params, Labels.PORT0, "1"));
  }

  @Test
  void aTaskNotDrainedIsNotDraining() {
    assertThat(drainer.stateOf("anything")).isEqualTo(DrainState.NOT_DRAINING);
  }

  @Test
  void noopIsSafeToKillAtOnce() {
    drainer.drain(task("noop", "{}"));

    assertThat(drainer.stateOf("t-noop")).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void hacheckTakesTheTaskOutOfDiscoveryAndIsSafeItsDelayLater() {
    java.util.List<String> takenOut = new java.util.ArrayList<>();
    useDiscovery((ref, host, port) -> takenOut.add(ref.service() + " " + host + ":" + port));
    ManagedContainer task =
        Containers.running(
            "t-hacheck",
            Map.of(
                Labels.DRAIN_METHOD, "hacheck",
                Labels.DRAIN_PARAMS, "{\"delay\":10}",
                Labels.PORT0, "31001",
                Labels.SERVICE, "web",
                Labels.INSTANCE, "main"));

    drainer.drain(task);
    assertThat(takenOut).containsExactly("web 127.0.0.1:31001");
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.DRAINING);
    clock.advance(Duration.ofSeconds(10));
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  /** A hacheck task (delay 1 s) drained through a proxy that is busy with it while told so. */
  private ManagedContainer hacheckWithProxy(java.util.function.BooleanSupplier busy) {
    useDiscovery(
        new DiscoveryDrain() {
          @Override
          public void takeOut(io.paasta.model.InstanceRef ref, String host, int port) {}

          @Override
          public boolean busy(io.paasta.model.InstanceRef ref, String host, int port) {
            return busy.getAsBoolean();
          }
        });
    return Containers.running(
        "t-hacheck",
        Map.of(
            Labels.DRAIN_METHOD, "hacheck",
            Labels.DRAIN_PARAMS, "{\"delay\":1}",
            Labels.PORT0, "31001",
            Labels.SERVICE, "web",
            Labels.INSTANCE, "main"));
  }

  @Test
  void hacheckWaitsPastItsDelayWhileTheProxyHasRequestsInFlightToTheTask() {
    java.util.concurrent.atomic.AtomicBoolean inFlight =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    ManagedContainer task = hacheckWithProxy(inFlight::get);

    drainer.drain(task);
    clock.advance(Duration.ofSeconds(2));
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.DRAINING);
    inFlight.set(false);
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void aTaskTheProxyStaysBusyWithIsKilledAtMostBusyWaitMaxAfterItsDelay() {
    ManagedContainer task = hacheckWithProxy(() -> true); // a long-lived connection

    drainer.drain(task);
    clock.advance(Duration.ofSeconds(1).plus(Drainer.BUSY_WAIT_MAX).minusMillis(1));
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.DRAINING);
    clock.advance(Duration.ofMillis(1));
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void hacheckThatCannotReachDiscoveryIsSafeAtOnce() {
    useDiscovery(
        (ref, host, port) -> {
          throw new IllegalStateException("ZooKeeper is down");
        });
    ManagedContainer task =
        Containers.running(
            "t-hacheck",
            Map.of(
                Labels.DRAIN_METHOD, "hacheck",
                Labels.PORT0, "31001",
                Labels.SERVICE, "web",
                Labels.INSTANCE, "main"));

    drainer.drain(task);
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void testIsSafeToKillItsDelayAfterTheDrainCall() {
    ManagedContainer task = task("test", "{\"delay\":30}");
    drainer.drain(task);
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.DRAINING);

    clock.advance(Duration.ofSeconds(20));
    drainer.drain(task); // again: keeps its start
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.DRAINING);

    clock.advance(Duration.ofSeconds(10));
    assertThat(drainer.stateOf(task.id())).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void aDrainThatFailsIsSafeToKillAtOnce() {
    drainer.drain(task("magic", "{}"));
    ManagedContainer http =
        task(
            "http",
            "{\"drain\":{\"url_format\":\"http://{host}:1/drain\"},"
                + "\"is_safe_to_kill\":{\"url_format\":\"http://{host}:1/safe\"}}");
    drainer.drain(http);

    assertThat(drainer.stateOf("t-magic")).isEqualTo(DrainState.SAFE_TO_KILL);
    assertThat(drainer.stateOf(http.id())).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void aTaskNotRunningIsSafeToKillAtOnce() {
    ManagedContainer exited =
        Containers.exited(
            "x", Map.of(Labels.DRAIN_METHOD, "test", Labels.DRAIN_PARAMS, "{\"delay\":30}"), 1);
    drainer.drain(exited);

    assertThat(drainer.stateOf("x")).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void goneTasksAreForgotten() {
    drainer.drain(task("test", "{\"delay\":30}"));
    drainer.retainOnly(Set.of());

    assertThat(drainer.stateOf("t-test")).isEqualTo(DrainState.NOT_DRAINING);
  }
}

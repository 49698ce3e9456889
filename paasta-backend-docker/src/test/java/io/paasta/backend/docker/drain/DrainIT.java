package io.paasta.backend.docker.drain;

import static io.paasta.backend.docker.testing.BackendFixture.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Draining real tasks by the drain method of their labels; the http method against a small JDK
 * server on 127.0.0.1 that plays the task's drain endpoints.
 */
class DrainIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  private final DockerBackend backend = fixture.backend();

  private HttpServer drainEndpoints;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicBoolean safe = new AtomicBoolean();

  @BeforeEach
  void startDrainEndpoints() throws IOException {
    drainEndpoints =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    drainEndpoints.createContext("/drain", exchange -> answer(exchange, 202));
    drainEndpoints.createContext("/broken-drain", exchange -> answer(exchange, 500));
    drainEndpoints.createContext("/safe", exchange -> answer(exchange, safe.get() ? 200 : 503));
    drainEndpoints.start();
  }

  @AfterEach
  void stopDrainEndpoints() {
    drainEndpoints.stop(0);
  }

  private void answer(HttpExchange exchange, int status) throws IOException {
    calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private ObservedTask startOne(InstanceRef ref, String method, String params) {
    fixture.start(
        backend,
        ref,
        1,
        RunSpecBuilder.helloWeb(fixture.image())
            .label(Labels.DRAIN_METHOD, method)
            .label(Labels.DRAIN_PARAMS, params));
    ObservedTask task = tasks(backend, ref).get(0);
    assertThat(task.drain()).isEqualTo(DrainState.NOT_DRAINING);
    return task;
  }

  private DrainState drainOf(InstanceRef ref) {
    return tasks(backend, ref).get(0).drain();
  }

  @Test
  void noopIsSafeToKillAtOnce() {
    InstanceRef ref = fixture.ref("main");
    ObservedTask task = startOne(ref, "noop", "{}");

    backend.execute(ref, new Action.DrainTasks(List.of(task.id()), "test drain"));

    assertThat(drainOf(ref)).isEqualTo(DrainState.SAFE_TO_KILL);
  }

  @Test
  void testIsSafeToKillItsDelayAfterTheDrain() {
    InstanceRef ref = fixture.ref("main");
    ObservedTask task = startOne(ref, "test", "{\"delay\":1}");

    backend.execute(ref, new Action.DrainTasks(List.of(task.id()), "test drain"));

    assertThat(drainOf(ref)).isEqualTo(DrainState.DRAINING);
    Eventually.await(WAIT, () -> drainOf(ref), DrainState.SAFE_TO_KILL::equals);
  }

  @Test
  void httpCallsDrainThenPollsIsSafeToKill() {
    InstanceRef ref = fixture.ref("main");
    int server = drainEndpoints.getAddress().getPort();
    ObservedTask task =
        startOne(
            ref,
            "http",
            "{\"drain\":{\"url_format\":\"http://{host}:"
                + server
                + "/drain/{service}/{port}\",\"method\":\"POST\",\"success_codes\":\"200-299\"},"
                + "\"is_safe_to_kill\":{\"url_format\":\"http://{host}:"
                + server
                + "/safe/{port}\"}}");
    int port = task.port0().getAsInt();

    backend.execute(ref, new Action.DrainTasks(List.of(task.id()), "test drain"));

    assertThat(calls).first().isEqualTo("POST /drain/hello/" + port);
    Eventually.await(WAIT, () -> calls, c -> c.contains("GET /safe/" + port));
    assertThat(drainOf(ref)).isEqualTo(DrainState.DRAINING);
    safe.set(true);
    Eventually.await(WAIT, () -> drainOf(ref), DrainState.SAFE_TO_KILL::equals);
  }

  @Test
  void anHttpDrainThatFailsIsSafeToKillAtOnce() {
    InstanceRef ref = fixture.ref("main");
    int server = drainEndpoints.getAddress().getPort();
    ObservedTask task =
        startOne(
            ref,
            "http",
            "{\"drain\":{\"url_format\":\"http://{host}:"
                + server
                + "/broken-drain\"},\"is_safe_to_kill\":{\"url_format\":\"http://{host}:"
                + server
                + "/safe\"}}");

    backend.execute(ref, new Action.DrainTasks(List.of(task.id()), "test drain"));

    assertThat(calls).containsExactly("GET /broken-drain");
    assertThat(drainOf(ref)).isEqualTo(DrainState.SAFE_TO_KILL);
  }
}

package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.testing.FreePorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HAProxy's life beside the daemon: hitless reloads, adoption by a new manager, routing on after
 * the Java side is gone, reload failures, explicit stop.
 */
class HaproxyLifecycleIT extends ProxyFixture {
  private static final String WEB = "web.main";
  private static final int THREADS = 4;
  private static final int MAX_REQUESTS = 8000;

  @Test
  void aFrontendChangeReloadsWithoutFailingOneRequestOfALoadRunningThroughIt() throws Exception {
    TestBackend a = backend("a");
    int webPort = FreePorts.pick();
    int apiPort = FreePorts.pick();
    LocalProxy proxy = proxy();
    FrontendSpec web = FrontendSpec.withDefaults(WEB, webPort);
    proxy.apply(List.of(web), routes(WEB, a));
    MasterStatus before = master(proxy);

    Load load = new Load(webPort);
    ApplyResult reload;
    try {
      load.awaitRequests(1000);
      reload =
          proxy.apply(
              List.of(web, FrontendSpec.withDefaults("api.main", apiPort)),
              Map.of(WEB, endpoints(a), "api.main", endpoints(a)));
      int atReload = load.done();
      load.awaitRequests(atReload + 2000);
    } finally {
      load.stop();
    }
    assertThat(reload.problems()).isEmpty();
    assertThat(reload.reloaded()).isTrue();
    assertThat(load.failures())
        .as("failed requests of %d, first: %s", load.done(), load.firstFailure)
        .isZero();
    assertThat(proxy.reloads()).isEqualTo(1);
    MasterStatus after = master(proxy);
    assertThat(after.masterPid()).isEqualTo(before.masterPid());
    assertThat(after.workerPids()).doesNotContainAnyElementsOf(before.workerPids());
    assertThat(HttpProbe.body(apiPort)).isEqualTo("a");
    assertThat(proxy.isUp(WEB, "127.0.0.1", a.port()))
        .as("slot state survives the reload")
        .isTrue();
  }

  @Test
  void aNewManagerAdoptsTheRunningHaproxyAndRoutingGoesOnWithTheJavaSideClosed() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    int port = FreePorts.pick();
    List<FrontendSpec> frontends = List.of(FrontendSpec.withDefaults(WEB, port));
    MasterStatus first;
    try (LocalProxy proxy = proxy()) {
      proxy.apply(frontends, routes(WEB, a));
      first = master(proxy);
    }
    assertThat(HttpProbe.body(port)).as("routing with no manager").isEqualTo("a");

    LocalProxy adopter = proxy();
    ApplyResult same = adopter.apply(frontends, routes(WEB, a));
    assertThat(same.started()).isFalse();
    assertThat(same.reloaded()).isFalse();
    assertThat(same.runtimeCommands()).isZero();
    assertThat(master(adopter)).isEqualTo(first);

    ApplyResult added = adopter.apply(frontends, routes(WEB, a, b));
    assertThat(added.reloaded()).isFalse();
    assertThat(adopter.isUp(WEB, "127.0.0.1", b.port())).isTrue();
    assertThat(master(adopter)).isEqualTo(first);
  }

  @Test
  void haproxyOutlivesTheJvmThatStartedIt() throws Exception {
    TestBackend a = backend("a");
    int port = FreePorts.pick();
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ApplyAndExit.class.getName(),
                settings.stateDir().toString(),
                Integer.toString(settings.statsPort()),
                Integer.toString(port),
                Integer.toString(a.port()))
            .redirectErrorStream(true)
            .start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(jvm.exitValue()).as(output).isZero();

    assertThat(HttpProbe.body(port)).as("routing after the JVM exited").isEqualTo("a");
    LocalProxy adopter = proxy();
    long pid = master(adopter).masterPid();
    ApplyResult same = adopter.apply(List.of(FrontendSpec.withDefaults(WEB, port)), routes(WEB, a));
    assertThat(same.started()).isFalse();
    assertThat(same.runtimeCommands()).isZero();
    assertThat(master(adopter).masterPid()).isEqualTo(pid);
  }

  @Test
  void aReloadThatHaproxyCannotLoadKeepsThePreviousConfigurationAndSaysWhy() throws Exception {
    TestBackend a = backend("a");
    int port = FreePorts.pick();
    FrontendSpec web = FrontendSpec.withDefaults(WEB, port);
    try (ServerSocket squatter = FreePorts.squat()) {
      int taken = squatter.getLocalPort();
      // a probe that misses the squatter, as when a port is taken between the probe and the reload
      LocalProxy proxy = proxy(settings, p -> true);
      proxy.apply(List.of(web), routes(WEB, a));
      String config = proxy.process().runningConfig();
      ApplyResult result =
          proxy.apply(
              List.of(web, FrontendSpec.withDefaults("api.main", taken)),
              Map.of(WEB, endpoints(a), "api.main", endpoints(a)));
      assertThat(result.reloaded()).isFalse();
      assertThat(result.problems())
          .singleElement()
          .asString()
          .contains("previous one keeps running", "cannot bind socket", Integer.toString(taken));
      assertThat(result.routed()).isEqualTo(Map.of(WEB, port));
      assertThat(proxy.process().runningConfig()).isEqualTo(config);
      assertThat(HttpProbe.body(port)).isEqualTo("a");
    }
  }

  @Test
  void aStartThatFailsSaysWhyAndRoutesNothing() throws Exception {
    TestBackend a = backend("a");
    try (ServerSocket squatter = FreePorts.squat()) {
      ProxySettings statsTaken = settings.withStatsPort(squatter.getLocalPort());
      LocalProxy proxy = proxy(statsTaken, LoopbackPorts::isFree);
      ApplyResult result =
          proxy.apply(List.of(FrontendSpec.withDefaults(WEB, FreePorts.pick())), routes(WEB, a));
      assertThat(result.started()).isFalse();
      assertThat(result.routed()).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .asString()
          .contains(
              "exited at start", "cannot bind socket", Integer.toString(squatter.getLocalPort()));
      assertThat(proxy.process().status()).isEmpty();
    }
  }

  @Test
  void stopEndsHaproxyByItsPidAndAnotherApplyStartsItAgain() throws Exception {
    TestBackend a = backend("a");
    int port = FreePorts.pick();
    List<FrontendSpec> frontends = List.of(FrontendSpec.withDefaults(WEB, port));
    LocalProxy proxy = proxy();
    proxy.apply(frontends, routes(WEB, a));
    long pid = master(proxy).masterPid();
    proxy.stop();
    assertThat(proxy.process().status()).isEmpty();
    assertThat(ProcessLiveness.isRunning(pid)).isFalse();
    assertThat(LoopbackPorts.isFree(port)).isTrue();
    ApplyResult again = proxy.apply(frontends, routes(WEB, a));
    assertThat(again.started()).isTrue();
    assertThat(HttpProbe.body(port)).isEqualTo("a");
  }

  /** A bounded load of fresh-connection requests from a few threads. */
  private static final class Load {
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Future<?>> futures = new ArrayList<>();
    private volatile String firstFailure = "none";

    Load(int port) {
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> run(port)));
      }
    }

    private void run(int port) {
      while (!stop.get() && done.get() < MAX_REQUESTS) {
        try {
          HttpProbe.body(port);
        } catch (IOException e) {
          if (failures.getAndIncrement() == 0) {
            firstFailure = e.toString();
          }
        }
        done.incrementAndGet();
      }
    }

    void awaitRequests(int count) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> done.get() >= Math.min(count, MAX_REQUESTS));
    }

    int done() {
      return done.get();
    }

    int failures() {
      return failures.get();
    }

    void stop() throws Exception {
      stop.set(true);
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
    }
  }
}

package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.config.system.SystemConfigLoader;
import io.paasta.discovery.haproxy.LoopbackPorts;
import io.paasta.model.SystemConfig;
import io.paasta.server.autoscaling.SqliteAutoscalerStore;
import io.paasta.server.cli.ServerRun;
import io.paasta.server.state.StateDatabase;
import io.paasta.testing.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta plan} prints the plan the daemon's next pass executes: for the same soa-configs,
 * stored autoscaler count, tasks on the real engine and HAProxy state, the actions it prints are
 * the actions the daemon (with SmartStack, started next) logs as it executes them; and it applies
 * {@code check_haproxy} as the daemon with SmartStack does (a healthy task not UP in HAProxy is not
 * happy), which it did not before.
 */
class PlanMatchesPassIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private RoutedCluster routed;
  private Path state;
  private Path etc;

  @BeforeAll
  static void haproxy() {
    TestInfrastructure.requireHaproxy();
  }

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    state = Files.createDirectories(tmp.resolve("state"));
    routed = new RoutedCluster(cluster, state);
    etc = Files.createDirectories(tmp.resolve("etc"));
    Files.writeString(
        etc.resolve("00-cluster.json"),
        """
        {"cluster": "%s", "docker_registry": "%s",
         "sensu_host": "localhost", "sensu_port": %d,
         "synapse_host": "localhost", "synapse_port": %d,
         "location": {"habitat": "it1", "region": "it", "superregion": "it", "ecosystem": "test"}}
        """
            .formatted(
                cluster.cluster,
                IMAGE.image().registry(),
                LoopbackPorts.freePort(),
                LoopbackPorts.freePort()));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
    routed.stopProxy();
  }

  @Test
  void thePrintedPlanIsWhatTheNextPassExecutes() throws Exception {
    SystemConfig system = SystemConfigLoader.loadUsable(etc);
    String subject = cluster.service + "." + LocalClusterFixture.INSTANCE;
    cluster.smartstack("main:\n  proxy_port: " + routed.proxyPort + "\n  mode: http\n");
    cluster.instance(
        "min_instances: 1",
        "max_instances: 5",
        "cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www'",
        "healthcheck_mode: http",
        "healthcheck_uri: /status",
        "healthcheck_grace_period_seconds: 1",
        "healthcheck_interval_seconds: 1",
        "bounce_health_params: {check_haproxy: true}");
    cluster.deploy("start", null);
    storeAutoscalerCount(3);
    routed.start(Optional.empty(), system);
    await().atMost(CONVERGE).until(() -> routed.upInHaproxy().size() == 3);
    cluster.crashDaemon(); // its tasks keep running
    routed.stopProxy(); // no task is UP in HAProxy now
    storeAutoscalerCount(4);

    String withSmartStack = plan();
    String withoutSmartStack = plan("--no-smartstack");

    // check_haproxy as the daemon with SmartStack applies it: healthy, but not UP in HAProxy
    assertThat(statusOf(withSmartStack, subject)).as(withSmartStack).endsWith(" 0/4");
    assertThat(statusOf(withoutSmartStack, subject)).as(withoutSmartStack).endsWith(" 3/4");
    List<String> planned = actionsOf(withSmartStack, subject);
    assertThat(planned)
        .as("the stored autoscaler count: 4")
        .singleElement()
        .satisfies(action -> assertThat(action).startsWith("start 1 task(s) of "));

    int logBefore = cluster.log().length();
    routed.start(Optional.empty(), system);
    List<String> executed =
        await()
            .atMost(CONVERGE)
            .until(
                () -> executedBy(cluster.log().substring(logBefore), subject),
                actions -> actions.size() >= planned.size());
    assertThat(executed.subList(0, planned.size())).isEqualTo(planned);
  }

  /** {@code paasta plan} with the daemon's directories (and {@code more} options): its output. */
  private String plan(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "-y",
                cluster.soa.toString(),
                "--system-config-dir",
                etc.toString(),
                "--state-dir",
                state.toString()));
    args.addAll(List.of(more));
    ServerRun run = ServerRun.run(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out();
  }

  /** Stores the count as {@code paasta autoscale --set} would, in the daemon's state database. */
  private void storeAutoscalerCount(int count) {
    try (StateDatabase db = StateDatabase.open(state)) {
      new SqliteAutoscalerStore(db, cluster.cluster).set(cluster.ref, count);
    }
  }

  /** The status line of the subject's plan in {@code paasta plan}'s output. */
  private static String statusOf(String printed, String subject) {
    return printed
        .lines()
        .filter(line -> line.startsWith(subject + ": "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plan of " + subject + " in:\n" + printed));
  }

  /** The actions of the subject's plan in {@code paasta plan}'s output, one line each. */
  private static List<String> actionsOf(String printed, String subject) {
    List<String> actions = new ArrayList<>();
    boolean inPlan = false;
    for (String line : printed.lines().toList()) {
      if (!line.startsWith("  ")) {
        inPlan = line.startsWith(subject + ": ");
      } else if (inPlan && !line.equals("  nothing to do") && !line.startsWith("  next pass in ")) {
        actions.add(line.substring(2));
      }
    }
    return actions;
  }

  /** The actions the daemon logged for the subject as it executed them, in order. */
  private static List<String> executedBy(String log, String subject) {
    String marker = " INFO " + subject + ": ";
    return log.lines()
        .filter(line -> line.contains(marker))
        .map(line -> line.substring(line.indexOf(marker) + marker.length()))
        .filter(
            message ->
                message.startsWith("start ")
                    || message.startsWith("drain ")
                    || message.startsWith("kill ")
                    || message.startsWith("remove exited "))
        .toList();
  }
}

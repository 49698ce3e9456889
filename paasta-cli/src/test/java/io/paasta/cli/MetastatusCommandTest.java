package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta metastatus} against fakes of the clusters' APIs on local HTTP servers. */
class MetastatusCommandTest {
  @TempDir Path tmp;

  private FakePaastaApi local;
  private FakePaastaApi prod;

  @BeforeEach
  void twoClusters() throws IOException {
    local = new FakePaastaApi("local");
    prod = new FakePaastaApi("prod");
  }

  @AfterEach
  void stop() {
    local.close();
    prod.close();
  }

  /** A cluster of one host (6 CPUs, 38.16 GB, 100 GB) with what its tasks reserve. */
  private static String answer(String cluster, double cpus, double mem, double disk, String extra) {
    return "{\"cluster\": \""
        + cluster
        + "\", \"version\": \"1.2.3\", \"backend\": \"local\", \"hosts\": [{\"hostname\":"
        + " \"box1\", \"attributes\": {\"pool\": \"default\", \"hostname\": \"box1\"},"
        + " \"total\": {\"cpus\": 6, \"mem\": 39075.84, \"disk\": 102400}, \"used\": {\"cpus\": "
        + cpus
        + ", \"mem\": "
        + mem
        + ", \"disk\": "
        + disk
        + "}}], \"tasks\": {\"running\": 5, \"starting\": 1, \"unhealthy\": 2,"
        + " \"unknown_config\": 0}, \"instances\": {\"long_running\": 4, \"jobs\": 2},"
        + " \"components\": [{\"name\": \"ZooKeeper\", \"status\": \"OK\", \"detail\":"
        + " \"connected, embedded on 127.0.0.1:2181\"}, {\"name\": \"HAProxy\", \"status\":"
        + " \"OK\", \"detail\": \"answering, 3 backend(s)\"}]"
        + extra
        + "}";
  }

  @Test
  void eachClusterCapacityTasksInstancesAndHealth() throws IOException {
    local.json("/v1/metastatus", answer("local", 1.55, 6062.08, 1024, ""));
    prod.json("/v1/metastatus", answer("prod", 0, 0, 0, ""));

    CliRun r = metastatus(Map.of("local", local.url(), "prod", prod.url()));

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "Cluster: local",
            "    Paasta version: 1.2.3",
            "    Local engine Status: OK",
            "      CPUs: 1.55 / 6 in use (25.83%)",
            "      Memory: 5.92 / 38.16GB in use (15.51%)",
            "      Disk: 1.00 / 100.00GB in use (1.00%)",
            "      Tasks: running: 5 starting: 1 unhealthy: 2",
            "      Instances: 4 long-running, 2 jobs",
            "      ZooKeeper: OK",
            "      HAProxy: OK",
            "Cluster: prod",
            "    Paasta version: 1.2.3",
            "    Local engine Status: OK",
            "      CPUs: 0.00 / 6 in use (0.00%)",
            "      Memory: 0.00 / 38.16GB in use (0.00%)",
            "      Disk: 0.00 / 100.00GB in use (0.00%)",
            "      Tasks: running: 5 starting: 1 unhealthy: 2",
            "      Instances: 4 long-running, 2 jobs",
            "      ZooKeeper: OK",
            "      HAProxy: OK");
  }

  @Test
  void tenPercentOrLessFreeIsCriticalAndExits2() throws IOException {
    local.json("/v1/metastatus", answer("local", 5.7, 6062.08, 1024, ""));

    CliRun r = metastatus(Map.of("local", local.url()), "-c", "local");

    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.outLines())
        .contains(
            "    Local engine Status: CRITICAL",
            "      CRITICAL: Less than 10% CPUs available. (Currently using 95.00% of 6)",
            "      Memory: 5.92 / 38.16GB in use (15.51%)");
  }

  @Test
  void aPartNotOkIsCriticalWithItsReason() throws IOException {
    local.json(
        "/v1/metastatus",
        answer("local", 1, 1, 1, "")
            .replace(
                "\"status\": \"OK\", \"detail\": \"answering, 3 backend(s)\"",
                "\"status\": \"CRITICAL\", \"detail\": \"not answering its runtime API: refused\""));

    CliRun r = metastatus(Map.of("local", local.url()));

    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.outLines())
        .contains(
            "    Local engine Status: CRITICAL",
            "      ZooKeeper: OK",
            "      HAProxy: CRITICAL (not answering its runtime API: refused)");
  }

  @Test
  void aClusterWhoseApiDoesNotAnswerIsNamedAndTheOthersStillPrint() throws IOException {
    local.json("/v1/metastatus", answer("local", 1, 1, 1, ""));
    String closed = "http://127.0.0.1:" + closedPort();

    CliRun r = metastatus(Map.of("local", local.url(), "prod", closed), "--api-timeout", "2");

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.outLines()).contains("Cluster: local", "    Local engine Status: OK");
    int prodLine = r.outLines().indexOf("Cluster: prod");
    assertThat(prodLine).isPositive();
    assertThat(r.outLines().get(prodLine + 1))
        .startsWith("    CRITICAL: no answer: ")
        .contains("prod")
        .contains(closed);
  }

  @Test
  void anUnknownClusterIsSaidAndTheKnownOnesStillPrint() throws IOException {
    local.json("/v1/metastatus", answer("local", 1, 1, 1, ""));

    CliRun r = metastatus(Map.of("local", local.url()), "-c", "nowhere,local");

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.err())
        .contains("Cluster nowhere doesn't look like a valid cluster?")
        .contains("clusters with an API endpoint: local");
    assertThat(r.outLines()).contains("Cluster: local");
    assertThat(local.requests()).containsExactly("/v1/metastatus");
  }

  @Test
  void moreVerboseGroupsByPoolThenPerHostThenSlots() throws IOException {
    String slots =
        ", \"slots\": {\"service\": \"hello-web\", \"instance\": \"main\", \"kind\":"
            + " \"long_running\", \"per_task\": {\"cpus\": 0.5, \"mem\": 100, \"disk\": 300},"
            + " \"slots\": 8, \"limiting\": \"cpus\"}";
    local.json(
        "/v1/metastatus?service=hello-web&instance=main",
        answer("local", 1.55, 6062.08, 1024, slots));

    CliRun r = metastatus(Map.of("local", local.url()), "-vvv", "-s", "hello-web", "-i", "main");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsSubsequence(
            "      ZooKeeper: OK (connected, embedded on 127.0.0.1:2181)",
            "      HAProxy: OK (answering, 3 backend(s))",
            "    Resources Grouped by pool:",
            "      pool     CPU (used/total)  RAM (used/total)  Disk (used/total)  Agent count",
            "      default  1.55/6            5.92/38.16GB      1.00/100.00GB      1",
            "    Resources Grouped by pool, hostname:",
            "      pool     hostname  CPU (used/total)  RAM (used/total)  Disk (used/total)  Agent"
                + " count",
            "      default  box1      1.55/6            5.92/38.16GB      1.00/100.00GB      1",
            "    Slots + Limiting Resource for hello-web.main (0.5 CPUs, 100MB memory, 300MB disk"
                + " per task):",
            "      box1: 8 more fit, limited by CPUs");
  }

  @Test
  void groupingsPickTheAttributes() throws IOException {
    local.json("/v1/metastatus", answer("local", 1.55, 6062.08, 1024, ""));

    CliRun r = metastatus(Map.of("local", local.url()), "-vv", "-g", "hostname");

    assertThat(r.outLines())
        .contains(
            "    Resources Grouped by hostname:",
            "      box1      1.55/6            5.92/38.16GB      1.00/100.00GB      1");
  }

  @Test
  void jsonHasEveryClustersAnswerOrItsError() throws IOException {
    local.json("/v1/metastatus", answer("local", 1, 1, 1, ""));
    String closed = "http://127.0.0.1:" + closedPort();

    CliRun r =
        metastatus(Map.of("local", local.url(), "prod", closed), "--json", "--api-timeout", "2");

    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("local").get("tasks").get("running").asInt()).isEqualTo(5);
    assertThat(json.get("prod").get("error").asText()).contains(closed);
  }

  @Test
  void serviceWithoutInstanceIsRefused() throws IOException {
    CliRun r = metastatus(Map.of("local", local.url()), "-s", "hello-web");

    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("-s/--service and -i/--instance go together");
    assertThat(local.requests()).isEmpty();
  }

  private CliRun metastatus(Map<String, String> endpoints, String... more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), endpoints);
    List<String> args =
        new ArrayList<>(List.of("metastatus", "--system-config-dir", etc.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

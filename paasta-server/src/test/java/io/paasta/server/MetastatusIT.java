package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.capacity.Resources;
import io.paasta.planning.capacity.Slots;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/metastatus} of a daemon running real containers: the host's capacity against what
 * the running tasks reserve, the tasks and instances counted, and the slots of an instance.
 */
class MetastatusIT {
  private static final String HTTPD = "cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www'";

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private ApiClient api;

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    cluster.instances(
        "main: {deploy_group: prod, instances: 3, cpus: 0.5, mem: 100, disk: 300, "
            + HTTPD
            + "}\n"
            + "stopped: {deploy_group: canary, instances: 1, cpus: 4, "
            + HTTPD
            + "}\n");
    cluster.deploy("start", null);
    URI base = cluster.startServer(tmp.resolve("state"), Optional.empty());
    api = new ApiClient(base);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void theRunningTasksReservationAgainstTheHostAndTheSlotsOfAnInstance() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.json("/v1/metastatus").get("tasks").get("running").asInt() == 3);

    JsonNode doc = api.json("/v1/metastatus?service=" + cluster.service + "&instance=main");

    assertThat(doc.get("cluster").asText()).isEqualTo(cluster.cluster);
    assertThat(doc.get("backend").asText()).isEqualTo("local");
    assertThat(doc.get("version").asText()).isNotBlank();
    assertThat(doc.get("hosts")).hasSize(1);
    JsonNode host = doc.get("hosts").get(0);
    assertThat(host.get("attributes").get("pool").asText()).isEqualTo("default");
    JsonNode total = host.get("total");
    assertThat(total.get("cpus").asDouble()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(total.get("mem").asDouble()).isGreaterThan(100);
    assertThat(total.get("disk").asDouble()).isGreaterThan(300);
    // the deploy group "canary" is not deployed: only main's three tasks reserve anything
    JsonNode used = host.get("used");
    assertThat(used.get("cpus").asDouble()).isEqualTo(1.5);
    assertThat(used.get("mem").asDouble()).isEqualTo(300);
    assertThat(used.get("disk").asDouble()).isEqualTo(900);
    assertThat(doc.get("tasks").get("starting").asInt()).isZero();
    assertThat(doc.get("tasks").get("unhealthy").asInt()).isZero();
    assertThat(doc.get("instances").get("long_running").asInt()).isEqualTo(2);
    assertThat(doc.get("instances").get("jobs").asInt()).isZero();
    assertThat(doc.get("components")).isEmpty(); // no SmartStack in this daemon

    JsonNode slots = doc.get("slots");
    assertThat(slots.get("instance").asText()).isEqualTo("main");
    assertThat(slots.get("per_task").get("cpus").asDouble()).isEqualTo(0.5);
    Slots expected =
        Slots.of(
            new Resources(
                total.get("cpus").asDouble() - 1.5,
                total.get("mem").asDouble() - 300,
                total.get("disk").asDouble() - 900),
            new Resources(0.5, 100, 300));
    assertThat(slots.get("slots").asInt()).isEqualTo(expected.count());
    assertThat(slots.get("limiting").asText()).isEqualTo(expected.limiting().orElseThrow().field());
  }

  @Test
  void anUnknownInstanceOrAServiceWithoutInstanceIsRefused() {
    ApiClient.Answer unknown =
        api.get("/v1/metastatus?service=" + cluster.service + "&instance=nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText())
        .contains("has no instance 'nope' in cluster '" + cluster.cluster + "'");

    ApiClient.Answer half = api.get("/v1/metastatus?service=" + cluster.service);
    assertThat(half.status()).isEqualTo(400);
    assertThat(half.json().get("detail").asText()).contains("'service' and 'instance' go together");
  }
}

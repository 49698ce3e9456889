package io.paasta.server.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.observed.InstanceDetail;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceDetailDocumentTest {
  @Test
  void addsStateVersionsAndReplicasToTheInstancesSection() {
    InstanceDetail detail =
        new InstanceDetail(
            "Bouncing to fedcba98",
            List.of(
                new InstanceDetail.Version(
                    "svc-main-2",
                    "fedcba98",
                    "config1234abcd",
                    Optional.of(Instant.parse("2026-12-06T10:00:00Z")),
                    1,
                    3),
                new InstanceDetail.Version(
                    "svc-main-1", "01234567", "configabcd1234", Optional.empty(), 3, 3)),
            List.of(
                new InstanceDetail.Replica(
                    "svc-main-2-a",
                    "svc-main-2",
                    "fedcba98",
                    "Unscheduled",
                    "0/3 nodes are available",
                    Optional.empty())));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("kubernetes", new LinkedHashMap<>(Map.of("deploy_status", "Deploying")));
    InstanceDetailDocument.addTo(status, "kubernetes", detail);
    @SuppressWarnings("unchecked")
    Map<String, Object> app = (Map<String, Object>) status.get("kubernetes");
    assertThat(app).containsEntry("deploy_status", "Deploying");
    assertThat(app).containsEntry("state", "Bouncing to fedcba98");
    assertThat(new String(Json.write(app.get("versions")), UTF_8))
        .isEqualTo(
            "[{\"name\":\"svc-main-2\",\"git_sha\":\"fedcba98\",\"config_sha\":\"config1234abcd\","
                + "\"created\":\"2026-12-06T10:00:00Z\",\"ready_replicas\":1,\"replicas\":3},"
                + "{\"name\":\"svc-main-1\",\"git_sha\":\"01234567\",\"config_sha\":\"configabcd1234\","
                + "\"created\":null,\"ready_replicas\":3,\"replicas\":3}]");
    assertThat(new String(Json.write(app.get("replicas")), UTF_8))
        .isEqualTo(
            "[{\"name\":\"svc-main-2-a\",\"version\":\"svc-main-2\",\"git_sha\":\"fedcba98\","
                + "\"state\":\"Unscheduled\",\"detail\":\"0/3 nodes are available\","
                + "\"started_at\":null}]");
  }
}

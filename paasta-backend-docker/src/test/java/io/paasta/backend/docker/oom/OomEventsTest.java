package io.paasta.backend.docker.oom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.testing.Containers;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OomEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NANOS = 1_767_225_600_123_456_789L; // 2026-01-01T00:00:00.123456789Z

  private static Map<String, String> labels(String cluster) {
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.MANAGED, "true");
    labels.put(Labels.SERVICE, "web");
    labels.put(Labels.INSTANCE, "main");
    if (cluster != null) {
      labels.put(Labels.CLUSTER, cluster);
    }
    labels.put(Labels.KIND, "marathon");
    return labels;
  }

  /** An event as the engine sends it (docker-java reads it with Jackson). */
  private static Event event(
      String type, String action, Map<String, String> labels, Long time, Long timeNano) {
    Map<String, Object> attributes = new HashMap<>(labels);
    attributes.put("name", "web.main.git1-abcd");
    attributes.put("image", "img");
    Map<String, Object> json = new HashMap<>();
    json.put("Type", type);
    json.put("Action", action);
    json.put("Actor", Map.of("ID", "0123456789abcdef", "Attributes", attributes));
    json.put("time", time);
    json.put("timeNano", timeNano);
    return JSON.convertValue(json, Event.class);
  }

  private static Event event(String action, Map<String, String> labels) {
    return event("container", action, labels, NANOS / 1_000_000_000L, NANOS);
  }

  @Test
  void anOomEventOfTheClusterIsAKillOfItsInstanceAtTheEventsNanosecond() {
    Optional<OomKill> kill = OomEvents.fromEvent(event("oom", labels("norcal")), "norcal");

    assertThat(kill)
        .contains(
            new OomKill(
                new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON),
                "0123456789abcdef",
                "web.main.git1-abcd",
                Instant.parse("2026-01-01T00:00:00.123456789Z"),
                OomKill.Source.EVENT));
    assertThat(kill.get().shortId()).isEqualTo("0123456789ab");
  }

  @Test
  void aContainerWithoutAClusterLabelIsTheDaemonsCluster() {
    assertThat(OomEvents.fromEvent(event("oom", labels(null)), "norcal"))
        .map(k -> k.ref().cluster())
        .contains("norcal");
  }

  @Test
  void otherEventsClustersAndUnmanagedContainersAreNotKills() {
    assertThat(OomEvents.fromEvent(event("die", labels("norcal")), "norcal")).isEmpty();
    assertThat(OomEvents.fromEvent(event("oom", labels("other")), "norcal")).isEmpty();
    Map<String, String> unmanaged = labels("norcal");
    unmanaged.remove(Labels.MANAGED);
    assertThat(OomEvents.fromEvent(event("oom", unmanaged), "norcal")).isEmpty();
    Map<String, String> noInstance = labels("norcal");
    noInstance.remove(Labels.INSTANCE);
    assertThat(OomEvents.fromEvent(event("oom", noInstance), "norcal")).isEmpty();
    assertThat(OomEvents.fromEvent(event("network", "oom", labels("norcal"), 1L, 1L), "norcal"))
        .isEmpty();
  }

  @Test
  void anEventWithSecondsOnlyIsAKillAtThatSecond() {
    Event seconds = event("container", "oom", labels("norcal"), 1_767_225_600L, null);
    Event timeless = event("container", "oom", labels("norcal"), null, null);

    assertThat(OomEvents.fromEvent(seconds, "norcal"))
        .map(OomKill::at)
        .contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(OomEvents.fromEvent(timeless, "norcal")).isEmpty();
  }

  @Test
  void onlyAnExitedContainerMarkedOomKilledIsAKillAtItsFinish() {
    ManagedContainer exited = Containers.exited("c1", labels("norcal"), 137);
    ManagedContainer oomKilled = withOomKilled(exited);

    assertThat(OomEvents.fromExited(exited, "norcal")).isEmpty();
    assertThat(OomEvents.fromExited(oomKilled, "norcal"))
        .contains(
            new OomKill(
                new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON),
                "c1",
                "name-c1",
                Instant.parse("2026-01-01T00:01:00Z"),
                OomKill.Source.EXIT));
    assertThat(OomEvents.fromExited(oomKilled, "other")).isEmpty();
  }

  @Test
  void theReportNamesTheInstanceContainerAndMemLimit() {
    OomKill kill = OomEvents.fromEvent(event("oom", labels("norcal")), "norcal").orElseThrow();

    assertThat(new OomKillReport(kill, OptionalLong.of(16L * 1024 * 1024)).describe())
        .isEqualTo(
            "the OOM killer killed a process of web.main in norcal (container"
                + " web.main.git1-abcd (0123456789ab), mem limit 16 MiB) at"
                + " 2026-01-01T00:00:00.123456789Z: raise the instance's mem or lower its memory"
                + " use");
    assertThat(new OomKillReport(kill, OptionalLong.of(0)).describe()).contains("no mem limit");
    assertThat(new OomKillReport(kill, OptionalLong.empty()).describe())
        .contains("mem limit unknown (the container is gone)");
  }

  private static ManagedContainer withOomKilled(ManagedContainer c) {
    return new ManagedContainer(
        c.id(),
        c.name(),
        c.image(),
        c.labels(),
        c.state(),
        c.startedAt(),
        c.finishedAt(),
        c.exitCode(),
        true);
  }
}

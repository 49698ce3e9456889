package io.paasta.backend.docker.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, String> labels(String cluster) {
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.MANAGED, "true");
    labels.put(Labels.SERVICE, "web");
    labels.put(Labels.INSTANCE, "main");
    labels.put(Labels.CLUSTER, cluster);
    return labels;
  }

  /** An event as the engine sends it (docker-java reads it with Jackson). */
  private static Event event(String type, String action, Map<String, String> labels) {
    Map<String, Object> json = new HashMap<>();
    json.put("Type", type);
    json.put("Action", action);
    json.put("Actor", Map.of("ID", "0123456789abcdef", "Attributes", labels));
    json.put("time", 1_767_225_600L);
    return JSON.convertValue(json, Event.class);
  }

  @Test
  void aDieOfATaskOfTheClusterNamesItsInstanceAndContainer() {
    Event die = event("container", "die", labels("norcal"));

    assertThat(ContainerEvents.action(die)).isEqualTo(ContainerEvents.DIE);
    assertThat(ContainerEvents.containerId(die)).contains("0123456789abcdef");
    assertThat(ContainerEvents.refOf(die, "norcal"))
        .contains(new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON));
    assertThat(ContainerEvents.timeOf(die)).contains(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void eventsOfOtherClustersUnmanagedContainersAndOtherTypesNameNoInstance() {
    Map<String, String> unmanaged = labels("norcal");
    unmanaged.remove(Labels.MANAGED);

    assertThat(ContainerEvents.refOf(event("container", "die", labels("other")), "norcal"))
        .isEmpty();
    assertThat(ContainerEvents.refOf(event("container", "die", unmanaged), "norcal")).isEmpty();
    assertThat(ContainerEvents.refOf(event("network", "die", labels("norcal")), "norcal"))
        .isEmpty();
  }

  @Test
  void sinceIsUnixSecondsWithNanoseconds() {
    assertThat(ContainerEvents.engineTime(Instant.parse("2026-01-01T00:00:00.000000042Z")))
        .isEqualTo("1767225600.000000042");
  }
}

package io.paasta.cli.metastatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.capacity.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster's answer to {@code GET /v1/metastatus}, or why there is none.
 *
 * @param document the API's answer; empty when it could not be asked
 * @param problem why it could not be asked (names the cluster, the API and the failure)
 */
public record ClusterMetastatus(String cluster, Optional<JsonNode> document, String problem) {
  public static ClusterMetastatus answered(String cluster, JsonNode document) {
    return new ClusterMetastatus(cluster, Optional.of(document), "");
  }

  public static ClusterMetastatus failed(String cluster, String problem) {
    return new ClusterMetastatus(cluster, Optional.empty(), problem);
  }

  /** A host of the cluster as the API describes it. */
  public record Host(Map<String, String> attributes, Resources total, Resources used) {}

  public List<Host> hosts() {
    List<Host> hosts = new ArrayList<>();
    document
        .map(d -> d.path("hosts"))
        .ifPresent(
            list ->
                list.forEach(
                    h -> {
                      Map<String, String> attributes = new LinkedHashMap<>();
                      h.path("attributes")
                          .fields()
                          .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
                      attributes.putIfAbsent("hostname", h.path("hostname").asText());
                      hosts.add(
                          new Host(
                              attributes, resources(h.path("total")), resources(h.path("used"))));
                    }));
    return hosts;
  }

  static Resources resources(JsonNode node) {
    return new Resources(
        node.path("cpus").asDouble(), node.path("mem").asDouble(), node.path("disk").asDouble());
  }
}

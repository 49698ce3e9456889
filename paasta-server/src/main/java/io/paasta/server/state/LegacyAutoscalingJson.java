package io.paasta.server.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The autoscaler's state file of daemons before the state database ({@code
 * <state-dir>/autoscaling.json}):
 *
 * <pre>
 * {"clusters": {"&lt;cluster&gt;": {"paused_until": "2026-11-25T12:00:00Z",
 *                                "instances": {"&lt;service&gt;": {"&lt;instance&gt;": 3}}}}}
 * </pre>
 *
 * Read once by the migration that imports it (it is then renamed {@value #MIGRATED_NAME}), and by
 * {@code paasta plan} on a state directory whose daemon has not been upgraded yet.
 */
public final class LegacyAutoscalingJson {
  public static final String FILE_NAME = "autoscaling.json";
  public static final String MIGRATED_NAME = "autoscaling.json.migrated";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LegacyAutoscalingJson() {}

  /** One cluster's entry: its pause and its counts by service, then instance. */
  public record ClusterState(
      Optional<Instant> pausedUntil, Map<String, Map<String, Integer>> counts) {}

  /**
   * The clusters of {@code <stateDir>/autoscaling.json}; empty when there is no such file.
   *
   * @throws StateStoreException when it exists but cannot be read or is not this JSON
   */
  public static Optional<Map<String, ClusterState>> read(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateStoreException("cannot read the autoscaler state " + file + ": " + e, e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      root = null;
    }
    if (root == null || !root.isObject() || !root.path("clusters").isObject()) {
      throw new StateStoreException(
          "the autoscaler state "
              + file
              + " is not a JSON object with a \"clusters\" object; fix it or remove it (removing"
              + " it forgets every stored count: autoscaled instances then run max_instances)");
    }
    Map<String, ClusterState> clusters = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("clusters").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> cluster = it.next();
      Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
      cluster
          .getValue()
          .path("instances")
          .fields()
          .forEachRemaining(
              service ->
                  service
                      .getValue()
                      .fields()
                      .forEachRemaining(
                          instance -> {
                            if (instance.getValue().canConvertToInt()) {
                              counts
                                  .computeIfAbsent(service.getKey(), k -> new LinkedHashMap<>())
                                  .put(instance.getKey(), instance.getValue().intValue());
                            }
                          }));
      clusters.put(cluster.getKey(), new ClusterState(pausedUntil(cluster.getValue()), counts));
    }
    return Optional.of(clusters);
  }

  private static Optional<Instant> pausedUntil(JsonNode cluster) {
    JsonNode until = cluster.path("paused_until");
    if (!until.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(until.textValue()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

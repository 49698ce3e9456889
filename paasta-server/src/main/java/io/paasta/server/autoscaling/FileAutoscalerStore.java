package io.paasta.server.autoscaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.model.InstanceRef;
import io.paasta.server.StateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Autoscaler counts and the pause of one cluster in a JSON file under the daemon's state directory
 * (default {@code /var/lib/paasta/state/autoscaling.json}):
 *
 * <pre>
 * {"clusters": {"&lt;cluster&gt;": {"paused_until": "2026-11-25T12:00:00Z",
 *                                "instances": {"&lt;service&gt;": {"&lt;instance&gt;": 3}}}}}
 * </pre>
 *
 * Other clusters' entries are kept as they are. Every change is written to a temporary file,
 * flushed to disk and moved over the file atomically, so a crash leaves the old or the new file.
 * Thread-safe; the daemon is the only writer.
 */
public final class FileAutoscalerStore implements AutoscalerCounts, AutoscalerPause {
  public static final String FILE_NAME = "autoscaling.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String cluster;
  private ObjectNode root;

  /**
   * Reads the file of {@code stateDir} (none yet is an empty store; the directory is created on the
   * first write).
   *
   * @throws AutoscalerStoreException when the file exists but cannot be read or is not this store's
   *     JSON
   */
  public FileAutoscalerStore(Path stateDir, String cluster) {
    this.file = stateDir.resolve(FILE_NAME);
    this.cluster = cluster;
    this.root = read(file);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized OptionalInt get(InstanceRef ref) {
    JsonNode count =
        root.path("clusters")
            .path(cluster)
            .path("instances")
            .path(ref.service())
            .path(ref.instance());
    return count.canConvertToInt() ? OptionalInt.of(count.intValue()) : OptionalInt.empty();
  }

  @Override
  public synchronized void set(InstanceRef ref, int count) {
    change(
        node ->
            node.withObjectProperty("instances")
                .withObjectProperty(ref.service())
                .put(ref.instance(), count));
  }

  @Override
  public synchronized Optional<Instant> pausedUntil() {
    JsonNode until = root.path("clusters").path(cluster).path("paused_until");
    if (!until.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(until.textValue()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized void pauseUntil(Instant until) {
    change(node -> node.put("paused_until", until.toString()));
  }

  @Override
  public synchronized void resume() {
    change(node -> node.putNull("paused_until"));
  }

  /** Applies a change to this cluster's entry of a copy, writes the copy, then keeps it. */
  private void change(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode next = root.deepCopy();
    change.accept(clusterNode(next));
    write(next);
    root = next;
  }

  private ObjectNode clusterNode(ObjectNode of) {
    return of.withObjectProperty("clusters").withObjectProperty(cluster);
  }

  private static ObjectNode read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return JSON.createObjectNode();
    } catch (IOException e) {
      throw new AutoscalerStoreException("cannot read the autoscaler state " + file + ": " + e, e);
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode object && object.path("clusters").isObject()) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new AutoscalerStoreException(
        "the autoscaler state "
            + file
            + " is not a JSON object with a \"clusters\" object; fix it or remove it (removing"
            + " it forgets every stored count: autoscaled instances then run max_instances)");
  }

  private void write(ObjectNode content) {
    try {
      StateFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
    } catch (IOException e) {
      throw new AutoscalerStoreException(
          "cannot write the autoscaler state "
              + file
              + ": "
              + e
              + " (the daemon's state directory must be writable: --state-dir)",
          e);
    }
  }
}

package io.paasta.deploy.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Writes deployments.json atomically, and only when its content changes. */
public final class DeploymentsWriter {
  public static final String FILE_NAME = "deployments.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Whether the file was written. */
  public enum Outcome {
    WRITTEN,
    UNCHANGED
  }

  public Outcome write(Path serviceDir, Map<String, Object> document) {
    Path target = serviceDir.resolve(FILE_NAME);
    JsonNode wanted = JSON.valueToTree(document);
    if (wanted.equals(existing(target))) {
      return Outcome.UNCHANGED;
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(serviceDir, "." + FILE_NAME + ".", ".tmp");
      Files.write(
          temp,
          (JSON.writeValueAsString(wanted) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return Outcome.WRITTEN;
    } catch (IOException e) {
      throw new DeployException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temp file was moved, or is left for the next run to overwrite
        }
      }
    }
  }

  /** The current document, or null when there is none or it is not JSON. */
  private static JsonNode existing(Path target) {
    if (!Files.isRegularFile(target)) {
      return null;
    }
    try {
      return JSON.readTree(target.toFile());
    } catch (IOException e) {
      return null;
    }
  }
}

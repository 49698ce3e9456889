package io.paasta.config.secrets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.model.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The {@code secrets/<name>.json} files of a soa-configs tree (SPEC section 15): {@code
 * <service>/secrets/} for {@code SECRET(name)}, {@code _shared/secrets/} for {@code
 * SHARED_SECRET(name)}; each holds {@code {"environments": {"<ecosystem>": {"ciphertext",
 * "signature", "key_name", "metadata"}}}}.
 */
public final class SecretFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path soaRoot;

  public SecretFiles(Path soaRoot) {
    this.soaRoot = soaRoot;
  }

  /** The file of a secret the service's env refers to. */
  public Path path(String service, SecretRef ref) {
    String folder = ref.shared() ? SecretRef.SHARED_SERVICE : service;
    return soaRoot
        .resolve(folder)
        .resolve("secrets")
        .resolve(SecretNames.check(ref.name()) + ".json");
  }

  /**
   * The ecosystem's entry of the file.
   *
   * @throws SecretException (with validate's messages) when the file or its entry is missing
   */
  public EncryptedSecret read(Path file, String name, String ecosystem) {
    if (!Files.isRegularFile(file)) {
      throw new SecretException("Secret file " + file + " not defined");
    }
    JsonNode entry = root(file).path("environments").path(ecosystem);
    if (!entry.path("ciphertext").isTextual() || !entry.path("signature").isTextual()) {
      throw new SecretException(
          "Secret " + name + " not defined for ecosystem " + ecosystem + " on secret file " + file);
    }
    return new EncryptedSecret(
        entry.path("ciphertext").asText(),
        entry.path("signature").asText(),
        entry.path("key_name").asText(""));
  }

  /** The ecosystem's signature in the file, when the file has one. */
  public static Optional<String> signature(Object parsedRoot, String ecosystem) {
    JsonNode entry = JSON.valueToTree(parsedRoot).path("environments").path(ecosystem);
    return entry.path("signature").isTextual()
        ? Optional.of(entry.path("signature").asText())
        : Optional.empty();
  }

  /**
   * Sets the ecosystem's entry (other ecosystems and keys are kept); the file is replaced in one
   * step, so the daemon never reads half of it.
   */
  public void write(Path file, String ecosystem, EncryptedSecret secret) {
    ObjectNode root = Files.isRegularFile(file) ? root(file) : JSON.createObjectNode();
    JsonNode environments = root.path("environments");
    ObjectNode envs = environments instanceof ObjectNode o ? o : root.putObject("environments");
    ObjectNode entry = envs.putObject(ecosystem);
    entry.put("ciphertext", secret.ciphertext());
    entry.put("signature", secret.signature());
    entry.put("key_name", secret.keyName());
    entry.putObject("metadata");
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SecretException("cannot write the secret file " + file + ": " + e.getMessage());
    }
  }

  private static ObjectNode root(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JacksonException e) {
      throw new SecretException("the secret file " + file + " is not JSON");
    } catch (IOException e) {
      throw new SecretException("cannot read the secret file " + file + ": " + e.getMessage());
    }
    throw new SecretException("the secret file " + file + " does not hold a JSON object");
  }
}

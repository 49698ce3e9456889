package io.paasta.backend.kubernetes.secrets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The cluster's {@code docker_config} (a docker {@code config.json}: {@code {"auths":
 * {"<registry>": {"auth": "<base64 user:password>"}}}}) that the image pull secret is made from.
 * Its signature is its size and modification time: it changes when the file is written, and, unlike
 * a hash of the content, says nothing about the credentials. Messages name the file, never its
 * content (a parse error gives the line and column only).
 */
public final class DockerConfigFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String setting;
  private final Path file;

  /**
   * @param setting names the setting in messages ({@code kubernetes_clusters.<c>.docker_config})
   */
  public DockerConfigFile(String setting, Path file) {
    this.setting = setting;
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * @throws DockerConfigException when the file cannot be read
   */
  public String signature() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw problem("is not a file");
      }
      return "size=" + attributes.size() + " modified=" + attributes.lastModifiedTime().toInstant();
    } catch (IOException e) {
      throw problem("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The file's bytes, once checked to be a docker config.
   *
   * @throws DockerConfigException when it cannot be read or is no docker config
   */
  public byte[] read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw problem("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw problem(
          "is not JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw problem("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.path("auths").isObject()) {
      throw problem("has no \"auths\" object");
    }
    return bytes;
  }

  private DockerConfigException problem(String what) {
    return new DockerConfigException(
        setting
            + ": "
            + file
            + " "
            + what
            + " (expected a docker config.json the daemon may read: {\"auths\": {\"<registry>\":"
            + " {\"auth\": \"<base64 of user:password>\"}}})");
  }

  /** The file cannot make an image pull secret; the message names it and says what is expected. */
  public static final class DockerConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DockerConfigException(String message) {
      super(message);
    }
  }
}

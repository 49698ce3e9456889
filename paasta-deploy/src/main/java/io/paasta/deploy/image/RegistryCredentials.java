package io.paasta.deploy.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Registry logins from docker config files ({@code config.json}, as {@code docker login} writes
 * them): {@code {"auths": {"<registry>": {"auth": "<base64 user:password>"}}}} (or {@code username}
 * and {@code password}); the key may also be written {@code https://<registry>} or {@code
 * http://<registry>} with a path. The first file that has the registry wins. Messages name the
 * file, never a credential.
 */
public final class RegistryCredentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Path> files;

  /**
   * @param files docker config files in the order they are asked
   */
  public RegistryCredentials(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}: docker's own. */
  public static RegistryCredentials dockerDefaults() {
    String dir = System.getenv("DOCKER_CONFIG");
    Path file =
        dir != null && !dir.isBlank()
            ? Path.of(dir, "config.json")
            : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return new RegistryCredentials(List.of(file));
  }

  /** This and then {@code more} (e.g. the system config's {@code docker_config} files). */
  public RegistryCredentials and(List<Path> more) {
    List<Path> all = new ArrayList<>(files);
    all.addAll(more);
    return new RegistryCredentials(all);
  }

  /** The files asked, for messages ("none in ..."). */
  public List<Path> files() {
    return files;
  }

  /** A login for one registry and where it was found. */
  public record Login(String username, String password, Path file) {
    /** {@code Basic <base64 user:password>}. */
    public String basic() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Login[" + username + " from " + file + "]"; // never the password
    }
  }

  /**
   * The login for {@code registry} ({@code host:port}), if a file has one.
   *
   * @throws DeployException naming the file when one exists but is no docker config
   */
  public Optional<Login> find(String registry) {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      JsonNode auths = read(file).path("auths");
      for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) auths::fields) {
        if (host(entry.getKey()).equals(registry)) {
          return Optional.of(login(file, registry, entry.getValue()));
        }
      }
    }
    return Optional.empty();
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new DeployException(
          file
              + " is not JSON"
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")")
              + " - expected a docker config.json ({\"auths\": {\"<registry>\": {\"auth\": ...}}})");
    } catch (IOException e) {
      throw new DeployException(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Login login(Path file, String registry, JsonNode entry) {
    if (entry.path("auth").isTextual() && !entry.path("auth").asText().isEmpty()) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(entry.path("auth").asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw badEntry(file, registry, "its auth is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw badEntry(file, registry, "its auth is not base64 of user:password");
      }
      return new Login(decoded.substring(0, colon), decoded.substring(colon + 1), file);
    }
    if (entry.path("username").isTextual() && entry.path("password").isTextual()) {
      return new Login(entry.path("username").asText(), entry.path("password").asText(), file);
    }
    throw badEntry(file, registry, "it has neither auth nor username and password");
  }

  private static DeployException badEntry(Path file, String registry, String why) {
    return new DeployException(
        file
            + ": auths."
            + registry
            + ": "
            + why
            + " (a credential store or helper is not read: run `docker login "
            + registry
            + "` with credsStore unset, or write auth yourself)");
  }

  /** {@code https://host:port/v1/} -> {@code host:port}. */
  static String host(String key) {
    String host = key.replaceFirst("^https?://", "");
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(0, slash);
  }
}

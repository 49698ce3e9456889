package io.paasta.deploy.image;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.http.BlockingHttp;
import io.paasta.deploy.http.HttpFailure;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Asks a Docker registry (HTTP API v2) about images. Registries on a loopback address are spoken to
 * over http, every other over https (as the Docker engine does by default).
 */
public final class RegistryClient {
  /** Every manifest kind an image may be stored as: Docker v2 and OCI, single and multi-arch. */
  static final String MANIFEST_TYPES =
      String.join(
          ", ",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.oci.image.index.v1+json");

  private final BlockingHttp http;
  private final Duration requestTimeout;

  public RegistryClient() {
    this(Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  public RegistryClient(Duration connectTimeout, Duration requestTimeout) {
    this.http = new BlockingHttp(connectTimeout, requestTimeout, BlockingHttp.Redirects.NEVER);
    this.requestTimeout = requestTimeout;
  }

  /**
   * Whether the registry holds the image's tag.
   *
   * @throws DeployException when the registry does not answer, refuses or answers oddly
   */
  public boolean hasImage(DockerImageName image) {
    URI uri = manifestUri(image);
    int status = head(image.registry(), uri);
    return switch (status) {
      case 200 -> true;
      case 404 -> false;
      case 401, 403 ->
          throw new DeployException(
              "the registry "
                  + image.registry()
                  + " refuses access to "
                  + image.repository()
                  + " (HTTP "
                  + status
                  + ") - registries that need a login are not supported yet; use one without"
                  + " authentication");
      default ->
          throw new DeployException(
              "the registry "
                  + image.registry()
                  + " answered HTTP "
                  + status
                  + " to HEAD "
                  + uri
                  + " - is "
                  + image.registry()
                  + " a Docker registry (API v2)?");
    };
  }

  private int head(String registry, URI uri) {
    try {
      return http.send("HEAD", uri, Map.of("Accept", MANIFEST_TYPES)).status();
    } catch (HttpFailure e) {
      String why =
          switch (e.kind()) {
            case CONNECT_TIMEOUT -> "no connection within the timeout";
            case ANSWER_TIMEOUT -> "no answer within " + requestTimeout.toSeconds() + " s";
            case REFUSED -> "connection refused";
            case UNKNOWN_HOST, OTHER -> e.reason();
          };
      throw down(registry, why, e);
    }
  }

  private static DeployException down(String registry, String why, Exception cause) {
    return new DeployException(
        "the registry "
            + registry
            + " does not answer at "
            + baseUri(registry)
            + " ("
            + why
            + ") - is it running? On this machine `scripts/test.sh` starts one on 127.0.0.1:5000;"
            + " otherwise check docker_registry in the system config or service.yaml",
        cause);
  }

  /** {@code http(s)://<registry>/v2/}. */
  static URI baseUri(String registry) {
    return URI.create((isLoopback(registry) ? "http" : "https") + "://" + registry + "/v2/");
  }

  static URI manifestUri(DockerImageName image) {
    return baseUri(image.registry()).resolve(image.repository() + "/manifests/" + image.tag());
  }

  /** Whether {@code host[:port]} names this machine: 127.0.0.0/8, localhost or [::1]. */
  static boolean isLoopback(String registry) {
    String host = host(registry).toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
  }

  private static String host(String registry) {
    if (registry.startsWith("[")) {
      int end = registry.indexOf(']');
      return end < 0 ? registry : registry.substring(0, end + 1);
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}

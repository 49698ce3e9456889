package io.paasta.deploy.image;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.http.BlockingHttp;
import io.paasta.deploy.http.HttpFailure;
import io.paasta.deploy.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
  private final RegistryCredentials credentials;

  /** With docker's own config file for registries that ask for a login. */
  public RegistryClient() {
    this(RegistryCredentials.dockerDefaults());
  }

  public RegistryClient(RegistryCredentials credentials) {
    this(Duration.ofSeconds(3), Duration.ofSeconds(10), credentials);
  }

  public RegistryClient(Duration connectTimeout, Duration requestTimeout) {
    this(connectTimeout, requestTimeout, RegistryCredentials.dockerDefaults());
  }

  public RegistryClient(
      Duration connectTimeout, Duration requestTimeout, RegistryCredentials credentials) {
    this.http = new BlockingHttp(connectTimeout, requestTimeout, BlockingHttp.Redirects.NEVER);
    this.requestTimeout = requestTimeout;
    this.credentials = credentials;
  }

  /** The login the docker config files have for {@code registry} (a push hands it the engine). */
  public Optional<RegistryCredentials.Login> login(String registry) {
    return credentials.find(registry);
  }

  /**
   * Whether the registry holds the image's tag.
   *
   * @throws DeployException when the registry does not answer, refuses or answers oddly
   */
  public boolean hasImage(DockerImageName image) {
    URI uri = manifestUri(image);
    HttpResponse answer = head(image.registry(), uri, Map.of("Accept", MANIFEST_TYPES));
    Optional<RegistryCredentials.Login> used = Optional.empty();
    if (answer.status() == 401) {
      used = Optional.of(loginFor(image, answer));
      answer = authenticated(image, uri, answer, used.get());
    }
    int status = answer.status();
    Optional<RegistryCredentials.Login> login = used;
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
                  + ")"
                  + login
                      .map(
                          l ->
                              " with the login of "
                                  + l.username()
                                  + " from "
                                  + l.file()
                                  + " - check it (docker login "
                                  + image.registry()
                                  + ")")
                      .orElse(
                          " - run `docker login "
                              + image.registry()
                              + "` with a login that may read it"));
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

  /** The login for a registry that asked for one; a named error when there is none. */
  private RegistryCredentials.Login loginFor(DockerImageName image, HttpResponse challenge) {
    return credentials
        .find(image.registry())
        .orElseThrow(
            () ->
                new DeployException(
                    "the registry "
                        + image.registry()
                        + " asks for a login to read "
                        + image.repository()
                        + " (HTTP 401"
                        + challenge.header("WWW-Authenticate").map(c -> ": " + c).orElse("")
                        + ") and none of "
                        + credentials.files()
                        + " has one for it - run `docker login "
                        + image.registry()
                        + "` (or add auths."
                        + image.registry()
                        + " to a docker config.json)"));
  }

  /** The request again with the login, as the challenge asks: Basic, or a Bearer token. */
  private HttpResponse authenticated(
      DockerImageName image, URI uri, HttpResponse answer, RegistryCredentials.Login login) {
    RegistryChallenge challenge =
        answer
            .header("WWW-Authenticate")
            .flatMap(RegistryChallenge::parse)
            .orElse(new RegistryChallenge("basic", Map.of()));
    String authorization =
        switch (challenge.scheme()) {
          case "basic" -> login.basic();
          case "bearer" -> "Bearer " + token(image, challenge, login);
          default ->
              throw new DeployException(
                  "the registry "
                      + image.registry()
                      + " asks for a login by "
                      + challenge.scheme()
                      + ", which is not supported (Basic and Bearer tokens are)");
        };
    return head(
        image.registry(), uri, Map.of("Accept", MANIFEST_TYPES, "Authorization", authorization));
  }

  /** The registry API's token flow: the realm gives a token for the scope to the login. */
  private String token(
      DockerImageName image, RegistryChallenge challenge, RegistryCredentials.Login login) {
    String realm = challenge.params().get("realm");
    if (realm == null || !(realm.startsWith("http://") || realm.startsWith("https://"))) {
      throw new DeployException(
          "the registry "
              + image.registry()
              + " asks for a Bearer token without a realm to get it from: "
              + challenge.params());
    }
    StringBuilder query = new StringBuilder();
    challenge.params().entrySet().stream()
        .filter(p -> p.getKey().equals("service") || p.getKey().equals("scope"))
        .forEach(
            p ->
                query
                    .append(query.isEmpty() ? "" : "&")
                    .append(p.getKey())
                    .append('=')
                    .append(
                        java.net.URLEncoder.encode(
                            p.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
    if (!challenge.params().containsKey("scope")) {
      query
          .append(query.isEmpty() ? "" : "&")
          .append("scope=repository:")
          .append(image.repository())
          .append(":pull");
    }
    URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    HttpResponse answer;
    try {
      answer = http.send("GET", tokenUri, Map.of("Authorization", login.basic()));
    } catch (HttpFailure e) {
      throw down(tokenUri.getAuthority(), e.reason(), e);
    }
    if (!answer.successful()) {
      throw new DeployException(
          "the token service "
              + realm
              + " of registry "
              + image.registry()
              + " refused the login of "
              + login.username()
              + " from "
              + login.file()
              + " (HTTP "
              + answer.status()
              + ") - check it (docker login "
              + image.registry()
              + ")");
    }
    try {
      com.fasterxml.jackson.databind.JsonNode body =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
      String token = body.path("token").asText(body.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new DeployException(
            "the token service " + realm + " answered no token (expected {\"token\": ...})");
      }
      return token;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DeployException(
          "the token service " + realm + " answered something that is not JSON", e);
    }
  }

  private HttpResponse head(String registry, URI uri, Map<String, String> headers) {
    try {
      return http.send("HEAD", uri, headers);
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

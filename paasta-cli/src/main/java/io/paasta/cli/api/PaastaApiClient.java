package io.paasta.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.config.yaml.PlainJson;
import io.paasta.deploy.http.BlockingHttp;
import io.paasta.deploy.http.HttpFailure;
import io.paasta.deploy.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The PaaSTA HTTP API of one cluster ({@code /v1}): version, a service's instances, an instance's
 * status and tasks, a job's runs and launching one (a POST, with the API token). Every failure is
 * an {@link ApiException} naming the cluster, the endpoint and the request; answers are read
 * tolerantly (unknown fields ignored, null sections allowed).
 */
public final class PaastaApiClient {
  /**
   * Made on first use: answers are read by {@link PlainJson}, which needs no mapper; request bodies
   * and answers it cannot read as the mapper would use this one.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** How long in all a request answered 503 with {@code Retry-After} is tried again. */
  static final Duration RETRY_BUDGET = Duration.ofSeconds(20);

  private final String cluster;
  private final String baseUrl;
  private final BlockingHttp http;
  private final Duration timeout;

  public PaastaApiClient(String cluster, String baseUrl, BlockingHttp http, Duration timeout) {
    this.cluster = cluster;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * An HTTP/1.1 client that follows redirects and gives up after {@code timeout} without a
   * connection or an answer. Blocking, with no thread of its own: a command ends as soon as it is
   * done (see {@link BlockingHttp}).
   */
  public static BlockingHttp newHttpClient(Duration timeout) {
    return new BlockingHttp(timeout, timeout, BlockingHttp.Redirects.FOLLOW);
  }

  public String cluster() {
    return cluster;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET /v1/version}: {@code {"version", "cluster"}}. */
  public JsonNode version() {
    return get("/v1/version");
  }

  /** The cluster the API says it serves, when it says. */
  public String servedCluster(JsonNode version) {
    return JsonFields.text(version, "cluster", "");
  }

  /** {@code GET /v1/services/{service}}: the instance names the cluster runs. */
  public List<String> instances(String service) {
    return JsonFields.texts(get("/v1/services/" + segment(service)), "instances");
  }

  /** {@code GET /v1/services/{service}/{instance}/status}, as sent. */
  public JsonNode statusJson(String service, String instance) {
    return get("/v1/services/" + segment(service) + "/" + segment(instance) + "/status");
  }

  public InstanceStatus status(String service, String instance) {
    return InstanceStatus.from(statusJson(service, instance));
  }

  /** {@code GET /v1/services/{service}/{instance}/tasks?verbose=N}, as sent. */
  public JsonNode tasksJson(String service, String instance, int verbose) {
    return get(
        "/v1/services/"
            + segment(service)
            + "/"
            + segment(instance)
            + "/tasks?verbose="
            + Math.max(0, verbose));
  }

  /**
   * {@code GET /v1/services/{service}/{instance}/status?runs=N&output_lines=M} of a job, as sent:
   * its {@code chronos} object with the {@code runs} newest runs and their last output lines.
   */
  public JsonNode jobStatusJson(String service, String instance, int runs, int outputLines) {
    return get(
        instancePath(service, instance)
            + "/status?runs="
            + Math.max(0, runs)
            + "&output_lines="
            + Math.max(0, outputLines));
  }

  /** {@code GET /v1/services/{service}/{instance}/runs?limit=N}: a job's newest runs first. */
  public List<JobRunInfo> runs(String service, String instance, int limit) {
    return JobRunInfo.listFrom(
        get(instancePath(service, instance) + "/runs?limit=" + Math.max(1, limit)));
  }

  /**
   * {@code POST /v1/services/{service}/{instance}/runs} with the API token: launches a run of a job
   * now (a rerun for an execution date, or a run now), and the runs it launched.
   *
   * @param body the JSON body ({@code execution_date}, {@code rerun_type}, {@code force_disabled})
   */
  public List<JobRunInfo> launchRuns(
      String service, String instance, Map<String, Object> body, ApiToken token) {
    return JobRunInfo.listFrom(post(instancePath(service, instance) + "/runs", body, token));
  }

  /**
   * A POST of {@code body} as JSON to {@code path} with {@code Authorization: Bearer <token>}, its
   * 2xx JSON body, or an {@link ApiException} (a refusal's problem detail in its message).
   */
  public JsonNode post(String path, Object body, ApiToken token) {
    String what = "POST " + path;
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body: " + e.getMessage(), e);
    }
    Map<String, String> headers =
        Map.of(
            "Accept",
            "application/json",
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token.secret());
    return answer(send("POST", uri(path), headers, bytes, what), what);
  }

  /** A DELETE of {@code path} with the token, its 2xx JSON body, or an {@link ApiException}. */
  public JsonNode delete(String path, ApiToken token) {
    String what = "DELETE " + path;
    Map<String, String> headers =
        Map.of("Accept", "application/json", "Authorization", "Bearer " + token.secret());
    return answer(send("DELETE", uri(path), headers, null, what), what);
  }

  /** The autoscaler's document of an instance: {@code desired_instances}, bounds. */
  public JsonNode autoscaler(String service, String instance) {
    return get(instancePath(service, instance) + "/autoscaler");
  }

  /** Sets an autoscaled instance's count (the daemon clamps it to its bounds). */
  public JsonNode setAutoscaler(String service, String instance, int count, ApiToken token) {
    return post(
        instancePath(service, instance) + "/autoscaler", Map.of("desired_instances", count), token);
  }

  /**
   * {@code POST .../emergency_<action>} ({@code stop}, {@code start}, {@code restart}) with the API
   * token, saying who asks: {@code {service, instance, cluster, action, message, emergency_stop}}.
   */
  public JsonNode emergency(
      String service, String instance, String action, String by, ApiToken token) {
    return post(instancePath(service, instance) + "/emergency_" + action, Map.of("by", by), token);
  }

  private static String instancePath(String service, String instance) {
    return "/v1/services/" + segment(service) + "/" + segment(instance);
  }

  /** A GET of {@code path} under the base URL, its 2xx JSON body, or an {@link ApiException}. */
  public JsonNode get(String path) {
    String what = "GET " + path;
    return answer(send("GET", uri(path), Map.of("Accept", "application/json"), null, what), what);
  }

  private URI uri(String path) {
    URI uri;
    try {
      uri = BlockingHttp.httpUri(baseUrl + path);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ApiException.Kind.UNREACHABLE,
          "the API endpoint of cluster "
              + cluster
              + " is not a valid URL: '"
              + baseUrl
              + "' - expected e.g. http://127.0.0.1:5054 in api_endpoints");
    }
    return uri;
  }

  /**
   * Sends the request; a {@code 503} with {@code Retry-After} (a service whose files are settling,
   * a daemon still starting) is sent again after the wait it asks, for at most {@link
   * #RETRY_BUDGET} in all: the request was refused before anything was done, so a POST is safe to
   * repeat.
   */
  private HttpResponse send(
      String method, URI uri, Map<String, String> headers, byte[] body, String what) {
    long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
    while (true) {
      HttpResponse response = sendOnce(method, uri, headers, body, what);
      Duration wait = retryAfter(response);
      if (wait == null || System.nanoTime() + wait.toNanos() > deadline) {
        return response;
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return response;
      }
    }
  }

  /** How long a 503 asks to wait ({@code Retry-After} in seconds, 1 to 10), or null. */
  static Duration retryAfter(HttpResponse response) {
    if (response.status() != 503) {
      return null;
    }
    String value = response.header("Retry-After").orElse("").strip();
    if (!value.matches("\\d{1,2}")) {
      return null;
    }
    int seconds = Integer.parseInt(value);
    return seconds >= 1 && seconds <= 10 ? Duration.ofSeconds(seconds) : null;
  }

  private HttpResponse sendOnce(
      String method, URI uri, Map<String, String> headers, byte[] body, String what) {
    try {
      return http.send(method, uri, headers, body);
    } catch (HttpFailure e) {
      throw switch (e.kind()) {
        case CONNECT_TIMEOUT, ANSWER_TIMEOUT ->
            new ApiException(
                ApiException.Kind.TIMEOUT,
                where() + " did not answer " + what + " within " + seconds(timeout));
        case REFUSED ->
            new ApiException(
                ApiException.Kind.UNREACHABLE,
                "cannot reach "
                    + where()
                    + ": connection refused - is the paasta server of "
                    + cluster
                    + " running?");
        case UNKNOWN_HOST, OTHER ->
            new ApiException(
                ApiException.Kind.UNREACHABLE, "cannot reach " + where() + ": " + e.reason());
      };
    }
  }

  private JsonNode answer(HttpResponse response, String what) {
    int status = response.status();
    JsonNode body = parse(response.body());
    if (status == 404) {
      String detail = body != null ? ApiProblem.from(body, status).explanation() : "not found";
      throw new ApiException(
          ApiException.Kind.NOT_FOUND,
          where() + " knows no such thing: " + detail + " (404 to " + what + ")");
    }
    if (status == 401 || status == 403) {
      String detail = body != null ? ApiProblem.from(body, status).explanation() : "";
      throw new ApiException(
          ApiException.Kind.BAD_ANSWER,
          where()
              + " refused "
              + what
              + " ("
              + status
              + (detail.isBlank() ? "" : ": " + detail)
              + ") - is the API token (--api-token-file) the one its paasta server was started"
              + " with?");
    }
    if (status < 200 || status > 299) {
      String detail =
          body != null ? ApiProblem.from(body, status).explanation() : excerpt(response.body());
      throw new ApiException(
          ApiException.Kind.BAD_ANSWER,
          where()
              + " answered "
              + status
              + " to "
              + what
              + (detail.isBlank() ? "" : ": " + detail));
    }
    if (body == null) {
      throw new ApiException(
          ApiException.Kind.BAD_ANSWER,
          where()
              + " answered "
              + what
              + " with something that is not JSON: "
              + excerpt(response.body()));
    }
    return body;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = PlainJson.tree(body).orElse(null);
      if (node == null) {
        node = Json.MAPPER.readTree(body);
      }
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private String where() {
    return "the PaaSTA API of cluster " + cluster + " at " + baseUrl;
  }

  private static String excerpt(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** A path segment, percent-encoded where it is not a plain name. */
  public static String segment(String name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}

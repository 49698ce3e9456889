package io.paasta.server.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Every route the daemon serves: the {@code /v1} API (described by {@code /v1/openapi.json}, a
 * resource file of this package) and {@code /metrics}.
 */
public final class ApiRoutes {
  /** The OpenAPI document, as a classpath resource. */
  public static final String OPENAPI_RESOURCE = "/io/paasta/server/api/openapi.json";

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private ApiRoutes() {}

  /**
   * The routes without logs, metastatus, restarts, emergency commands or remote-run (they answer
   * 503): for tests of the other resources.
   */
  public static Router router(
      String cluster,
      ServicesResource services,
      AutoscalerResource autoscaler,
      JobsResource jobs,
      PrometheusMeterRegistry metrics) {
    return router(
        cluster,
        services,
        autoscaler,
        jobs,
        metrics,
        new LogsResource(Optional.empty(), line -> {}, java.time.Clock.systemUTC()),
        MetastatusResource.unavailable(),
        RestartResource.unavailable(),
        Optional.empty(),
        Optional.empty());
  }

  /** Every route, as the daemon serves them. */
  public static Router router(
      String cluster,
      ServicesResource services,
      AutoscalerResource autoscaler,
      JobsResource jobs,
      PrometheusMeterRegistry metrics,
      LogsResource logs,
      MetastatusResource metastatus,
      RestartResource restarts,
      Optional<EmergencyResource> emergency,
      Optional<RemoteRunResource> remoteRuns) {
    byte[] openapi = openapi();
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("version", projectVersion());
    version.put("cluster", cluster);
    String instance = "/v1/services/{service}/{instance}";
    return new Router(
        List.of(
            new Route("GET", "/v1/version", request -> ApiResponse.json(version)),
            new Route("GET", "/v1/services", services::services),
            new Route("GET", "/v1/cluster", new ClusterResource(services, jobs)::cluster),
            new Route("GET", "/v1/metastatus", metastatus::get),
            new Route("GET", "/v1/services/{service}", services::instances),
            new Route("GET", "/v1/services/{service}/logs", logs::read),
            new Route("POST", "/v1/services/{service}/logs", logs::write),
            new Route(
                "GET",
                instance + "/status",
                request ->
                    jobs.status(request)
                        .or(() -> remoteRuns.flatMap(r -> r.status(request)))
                        .orElseGet(() -> services.status(request))),
            new Route("GET", instance + "/tasks", services::tasks),
            new Route("POST", instance + "/restart", restarts::restart),
            new Route("GET", instance + "/autoscaler", autoscaler::get),
            new Route("POST", instance + "/autoscaler", autoscaler::set),
            new Route("GET", instance + "/runs", jobs::runs),
            new Route("POST", instance + "/runs", jobs::rerun),
            new Route("POST", instance + "/emergency_stop", r -> emergency(emergency).stop(r)),
            new Route("POST", instance + "/emergency_start", r -> emergency(emergency).start(r)),
            new Route(
                "POST", instance + "/emergency_restart", r -> emergency(emergency).restart(r)),
            new Route("POST", instance + "/remote_runs", r -> remoteRuns(remoteRuns).start(r)),
            new Route(
                "GET", instance + "/remote_runs", r -> remoteRuns(remoteRuns).instanceRuns(r)),
            new Route("GET", "/v1/remote_runs", r -> remoteRuns(remoteRuns).list(r)),
            new Route("GET", "/v1/remote_runs/{run_id}", r -> remoteRuns(remoteRuns).get(r)),
            new Route("DELETE", "/v1/remote_runs/{run_id}", r -> remoteRuns(remoteRuns).stop(r)),
            new Route("GET", "/v1/service_autoscaler/pause", autoscaler::pauseGet),
            new Route("POST", "/v1/service_autoscaler/pause", autoscaler::pauseSet),
            new Route("DELETE", "/v1/service_autoscaler/pause", autoscaler::pauseDelete),
            new Route(
                "GET",
                "/v1/openapi.json",
                request -> new ApiResponse(200, ApiResponse.JSON, openapi)),
            new Route(
                "GET",
                "/metrics",
                request -> ApiResponse.text(PROMETHEUS_TEXT, metrics.scrape()))));
  }

  private static EmergencyResource emergency(Optional<EmergencyResource> emergency) {
    return emergency.orElseThrow(
        () -> new ProblemException(503, "this daemon takes no emergency commands"));
  }

  private static RemoteRunResource remoteRuns(Optional<RemoteRunResource> remoteRuns) {
    return remoteRuns.orElseThrow(
        () -> new ProblemException(503, "this daemon takes no remote-runs"));
  }

  /** The version Maven wrote into {@code paasta-server-version.properties}. */
  public static String projectVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        ApiRoutes.class.getResourceAsStream("/paasta-server-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  static byte[] openapi() {
    try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + OPENAPI_RESOURCE + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

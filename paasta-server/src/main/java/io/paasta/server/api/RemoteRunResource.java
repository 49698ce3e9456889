package io.paasta.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.model.Deployments.DeployGroupDeployment;
import io.paasta.model.SystemConfig;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.adhoc.AdhocRun;
import io.paasta.planning.app.AdhocRunSpecFactory;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.backend.BackendException;
import io.paasta.server.adhoc.RemoteRuns;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code paasta remote-run} over the API: a one-off task of an adhoc instance ({@code
 * adhoc-<cluster>.yaml}) with the image its deploy group has in deployments.json, its env and
 * limits, its {@code cmd} or the command asked for; limited in time; listed, read (state, exit
 * code, output) and stopped.
 */
public final class RemoteRunResource {
  /** The time limit when none is asked for. */
  public static final int DEFAULT_MAX_SECONDS = 3600;

  /** The longest time limit one may ask for. */
  public static final int MAX_MAX_SECONDS = 86_400;

  /** The most output lines read of a run. */
  static final int MAX_OUTPUT_LINES = 10_000;

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final InstanceLookup lookup;
  private final SystemConfig system;
  private final Optional<RemoteRuns> runs;
  private final String backendName;
  private final RandomGenerator random;
  private final Clock clock;

  /**
   * @param runs empty when the backend runs no remote-runs (it is then said so)
   */
  public RemoteRunResource(
      InstanceLookup lookup,
      SystemConfig system,
      Optional<RemoteRuns> runs,
      String backendName,
      RandomGenerator random,
      Clock clock) {
    this.lookup = lookup;
    this.system = system;
    this.runs = runs;
    this.backendName = backendName;
    this.random = random;
    this.clock = clock;
  }

  /**
   * {@code POST /v1/services/{service}/{instance}/remote_runs} with {@code {"cmd", "max_seconds",
   * "by"}} (each optional): 201 with the run.
   */
  public ApiResponse start(ApiRequest request) {
    InstanceLookup.FoundAdhoc found =
        lookup.requireAdhoc(request.path("service"), request.path("instance"));
    ObjectNode body =
        Json.object(
            request.body().isBlank() ? "{}" : request.body(), Set.of("cmd", "max_seconds", "by"));
    Optional<String> cmd = text(body, "cmd", 10_000);
    int maxSeconds =
        body.has("max_seconds")
            ? Json.requiredInt(body, "max_seconds", 1, MAX_MAX_SECONDS)
            : DEFAULT_MAX_SECONDS;
    String by = text(body, "by", 200).orElse("an API client that did not say who it is");
    RemoteRuns remote = remoteRuns();
    if (cmd.isEmpty() && found.config().container().cmd().isEmpty()) {
      throw ProblemException.badRequest(
          found.ref().service()
              + "."
              + found.ref().instance()
              + " has no cmd in adhoc-"
              + found.ref().cluster()
              + ".yaml: say what to run (paasta remote-run start -C CMD)");
    }
    DeployGroupDeployment deployment =
        found
            .loaded()
            .service()
            .deployments()
            .flatMap(d -> d.forDeployGroup(found.config().deployGroup()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        409,
                        "no deployed image for "
                            + found.ref().service()
                            + "."
                            + found.ref().instance()
                            + " in cluster "
                            + found.ref().cluster()
                            + ": deploy group "
                            + found.config().deployGroup()
                            + " has no entry in deployments.json (has the pipeline run"
                            + " mark-for-deployment for it?)"));
    RunSpec spec =
        AdhocRunSpecFactory.create(
            found.config(), deployment, system, found.loaded().service().config(), cmd);
    Instant now = clock.instant();
    AdhocLaunch launch =
        new AdhocLaunch(
            found.ref(),
            runId(now),
            spec,
            now,
            now.plusSeconds(maxSeconds),
            by,
            found.config().effective());
    AdhocRun run;
    try {
      run = remote.start(launch);
    } catch (BackendException e) {
      throw new ProblemException(
          502,
          "remote-run of "
              + found.ref().service()
              + "."
              + found.ref().instance()
              + " could not start: "
              + e.getMessage());
    }
    return new ApiResponse(201, ApiResponse.JSON, Json.write(document(remote, run)));
  }

  /** {@code GET /v1/remote_runs}: {@code {"cluster", "runs": [...]}}, oldest first. */
  public ApiResponse list(ApiRequest request) {
    RemoteRuns remote = remoteRuns();
    return ApiResponse.json(
        Map.of(
            "cluster",
            lookup.cluster(),
            "runs",
            remote.list().stream().map(r -> document(remote, r)).toList()));
  }

  /** {@code GET /v1/services/{service}/{instance}/remote_runs}: the instance's runs. */
  public ApiResponse instanceRuns(ApiRequest request) {
    InstanceLookup.FoundAdhoc found =
        lookup.requireAdhoc(request.path("service"), request.path("instance"));
    return ApiResponse.json(Map.of("runs", runsOf(found)));
  }

  /**
   * {@code GET /v1/remote_runs/{run_id}?output_from=N}: the run, with its output lines from the
   * N-th (0 by default) and {@code output_next} (where the next read starts).
   */
  public ApiResponse get(ApiRequest request) {
    RemoteRuns remote = remoteRuns();
    AdhocRun run = require(remote, request.path("run_id"));
    int from = outputFrom(request);
    Map<String, Object> doc = document(remote, run);
    List<String> output = read(() -> remote.output(run.runId(), MAX_OUTPUT_LINES));
    doc.put("output", from >= output.size() ? List.of() : output.subList(from, output.size()));
    doc.put("output_next", Math.max(from, output.size()));
    return ApiResponse.json(doc);
  }

  /**
   * {@code DELETE /v1/remote_runs/{run_id}} with {@code {"by"}} (or {@code ?by=}): stops it; the
   * run after.
   */
  public ApiResponse stop(ApiRequest request) {
    RemoteRuns remote = remoteRuns();
    String runId = request.path("run_id");
    require(remote, runId);
    ObjectNode body = Json.object(request.body().isBlank() ? "{}" : request.body(), Set.of("by"));
    if (request.query("by").isPresent()) {
      body.put("by", request.query("by").get());
    }
    String by = text(body, "by", 200).orElse("an API client that did not say who it is");
    AdhocRun after = read(() -> remote.stop(runId, by)).orElseThrow(() -> gone(runId));
    return ApiResponse.json(document(remote, after));
  }

  /**
   * {@code paasta status} of an adhoc instance: {@code {service, instance, cluster, git_sha, adhoc:
   * {runs: [...]}}}; empty when {@code instance} is no adhoc instance of the service.
   */
  public Optional<ApiResponse> status(ApiRequest request) {
    return lookup
        .adhoc(request.path("service"), request.path("instance"))
        .map(
            found -> {
              Map<String, Object> doc = new LinkedHashMap<>();
              doc.put("service", found.ref().service());
              doc.put("instance", found.ref().instance());
              doc.put("cluster", found.ref().cluster());
              doc.put(
                  "git_sha",
                  found
                      .loaded()
                      .service()
                      .deployments()
                      .flatMap(d -> d.forDeployGroup(found.config().deployGroup()))
                      .map(DeployGroupDeployment::gitSha)
                      .orElse(null));
              Map<String, Object> adhoc = new LinkedHashMap<>();
              adhoc.put("supported", runs.isPresent());
              adhoc.put("runs", runs.isPresent() ? runsOf(found) : List.of());
              doc.put("adhoc", adhoc);
              return ApiResponse.json(doc);
            });
  }

  private List<Map<String, Object>> runsOf(InstanceLookup.FoundAdhoc found) {
    RemoteRuns remote = remoteRuns();
    return read(remote::list).stream()
        .filter(r -> r.ref().equals(found.ref()))
        .map(r -> document(remote, r))
        .toList();
  }

  private RemoteRuns remoteRuns() {
    return runs.orElseThrow(
        () ->
            new ProblemException(
                501,
                "remote-run is not supported on the "
                    + backendName
                    + " backend of cluster "
                    + lookup.cluster()
                    + ": that backend has no runner of adhoc instances"));
  }

  private AdhocRun require(RemoteRuns remote, String runId) {
    return read(() -> remote.find(runId)).orElseThrow(() -> gone(runId));
  }

  private ProblemException gone(String runId) {
    return ProblemException.notFound(
        "no remote-run "
            + runId
            + " in cluster "
            + lookup.cluster()
            + " (paasta remote-run list shows them; an exited run is kept "
            + RemoteRuns.KEPT.toMinutes()
            + " minutes)");
  }

  /** A read of the engine; its failure answered 502. */
  private static <T> T read(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (BackendException e) {
      throw new ProblemException(502, e.getMessage());
    }
  }

  private String runId(Instant now) {
    return RUN_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) random.nextInt());
  }

  private static int outputFrom(ApiRequest request) {
    Optional<String> from = request.query("output_from");
    if (from.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(from.get());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ProblemException.badRequest(
        "query parameter 'output_from' must be a whole number from 0, got '" + from.get() + "'");
  }

  private static Optional<String> text(ObjectNode body, String field, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()
        || value.textValue().isBlank()
        || value.textValue().length() > maxLength) {
      throw ProblemException.badRequest(
          "field '"
              + field
              + "' must be a text of 1 to "
              + maxLength
              + " characters, got "
              + value);
    }
    return Optional.of(value.textValue().strip());
  }

  private static Map<String, Object> document(RemoteRuns remote, AdhocRun run) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", run.runId());
    doc.put("service", run.ref().service());
    doc.put("instance", run.ref().instance());
    doc.put("cluster", run.ref().cluster());
    doc.put("command", run.command());
    doc.put("by", run.by());
    doc.put("state", run.running() ? "running" : "exited");
    doc.put("started_at", run.startedAt().toString());
    doc.put("deadline", run.deadline().toString());
    doc.put("max_seconds", run.limit().toSeconds());
    doc.put("finished_at", run.finishedAt().map(Instant::toString).orElse(null));
    doc.put("exit_code", run.exitCode().orElse(null));
    doc.put("stop_reason", remote.stopReason(run).orElse(null));
    doc.put("task_id", run.taskId());
    return doc;
  }
}

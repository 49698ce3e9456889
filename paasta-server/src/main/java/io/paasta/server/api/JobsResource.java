package io.paasta.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.server.jobs.JobsView;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Scheduled jobs over the API, read from and asked of the daemon's scheduler ({@link JobsView}): a
 * job's status (the {@code chronos} object), its runs, and a rerun ({@code paasta rerun}).
 */
public final class JobsResource {
  /** Most runs one request may ask for. */
  static final int MAX_RUNS = 1000;

  private final InstanceLookup lookup;
  private final JobsView jobs;
  private final Function<InstanceRef, List<Map<String, Object>>> checks;
  private final Function<InstanceRef, Optional<Map<String, Object>>> emergencyStop;
  private final Clock clock;

  /**
   * @param checks the job's monitoring checks as the status document lists them
   */
  public JobsResource(
      InstanceLookup lookup,
      JobsView jobs,
      Function<InstanceRef, List<Map<String, Object>>> checks,
      Clock clock) {
    this(lookup, jobs, checks, ref -> Optional.empty(), clock);
  }

  /**
   * @param emergencyStop the job's emergency stop in force, as the status document says it
   */
  public JobsResource(
      InstanceLookup lookup,
      JobsView jobs,
      Function<InstanceRef, List<Map<String, Object>>> checks,
      Function<InstanceRef, Optional<Map<String, Object>>> emergencyStop,
      Clock clock) {
    this.emergencyStop = emergencyStop;
    this.lookup = lookup;
    this.jobs = jobs;
    this.checks = checks;
    this.clock = clock;
  }

  /**
   * {@code GET /v1/services/{s}/{i}/status} of a job: {@code {service, instance, cluster, git_sha,
   * chronos, checks}}; query {@code runs} (default 5) and {@code output_lines} (default 0). Empty
   * when the instance is no job (the long-running status answers then).
   */
  public Optional<ApiResponse> status(ApiRequest request) {
    Optional<InstanceLookup.FoundJob> found =
        lookup.job(request.path("service"), request.path("instance"));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int runs = count(request, "runs", 5, MAX_RUNS);
    Map<String, Object> doc = statusDocument(found.get(), runs, output(request));
    doc.put("children", children(found.get().ref()));
    return Optional.of(ApiResponse.json(doc));
  }

  /** A job's status document with its {@code runs} newest runs. */
  Map<String, Object> statusDocument(
      InstanceLookup.FoundJob found, int runs, Optional<Function<JobRun, List<String>>> output) {
    InstanceRef ref = found.ref();
    JobStatus status = statusOf(ref);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("service", ref.service());
    doc.put("instance", ref.instance());
    doc.put("cluster", ref.cluster());
    doc.put("git_sha", found.gitSha().orElse(null));
    doc.put("chronos", JobDocument.chronos(status, jobs.runs(ref, runs), output, clock.instant()));
    doc.put("checks", checks.apply(ref));
    doc.put("emergency_stop", emergencyStop.apply(ref).orElse(null));
    return doc;
  }

  /** The jobs that name this one among their parents ({@code service.instance}), sorted. */
  private List<String> children(InstanceRef ref) {
    String id = ref.service() + "." + ref.instance();
    return jobs.jobs().stream()
        .filter(other -> jobs.status(other).map(s -> s.parents().contains(id)).orElse(false))
        .map(other -> other.service() + "." + other.instance())
        .sorted()
        .toList();
  }

  /** The scheduler's jobs. */
  List<InstanceRef> jobs() {
    return jobs.jobs();
  }

  /** {@code GET .../runs?limit=N&output_lines=M}: {@code {"runs": [...]}}, newest first. */
  public ApiResponse runs(ApiRequest request) {
    InstanceRef ref = lookup.requireJob(request.path("service"), request.path("instance")).ref();
    int limit =
        count(request, "limit", io.paasta.planning.jobs.JobRunStore.DEFAULT_KEPT_RUNS, MAX_RUNS);
    Optional<Function<JobRun, List<String>>> output = output(request);
    statusOf(ref);
    return ApiResponse.json(Map.of("runs", JobDocument.runs(jobs.runs(ref, limit), output)));
  }

  /**
   * {@code POST .../runs} with {@code {"execution_date", "rerun_type", "force_disabled"}}: runs the
   * job once now (201 with the runs created); a rerun the job does not allow is a 400 whose detail
   * is the scheduler's message.
   */
  public ApiResponse rerun(ApiRequest request) {
    InstanceLookup.FoundJob found =
        lookup.requireJob(request.path("service"), request.path("instance"));
    ObjectNode body =
        Json.object(
            request.body().isBlank() ? "{}" : request.body(),
            Set.of("execution_date", "rerun_type", "force_disabled"));
    JobStatus status = statusOf(found.ref());
    Optional<Instant> executionDate =
        executionDate(body.get("execution_date"), ZoneId.of(status.timeZone()));
    Optional<JobsView.RerunType> rerunType = rerunType(body.get("rerun_type"));
    boolean force = forceDisabled(body.get("force_disabled"));
    List<JobRun> created;
    try {
      created = jobs.rerun(found.ref(), executionDate, rerunType, force);
    } catch (JobsView.RerunRefused e) {
      throw ProblemException.badRequest(e.getMessage());
    }
    return new ApiResponse(
        201,
        ApiResponse.JSON,
        Json.write(Map.of("runs", JobDocument.runs(created, Optional.empty()))));
  }

  private JobStatus statusOf(InstanceRef ref) {
    return jobs.status(ref)
        .orElseThrow(
            () ->
                new ProblemException(
                    503,
                    ref.service()
                        + "."
                        + ref.instance()
                        + " is a job of chronos-"
                        + ref.cluster()
                        + ".yaml, but the daemon's scheduler does not know it"
                        + (jobs.jobs().isEmpty()
                            ? " (it schedules no job: is this daemon running its scheduler?)"
                            : " (yet: it reads new configs within seconds)")));
  }

  private Optional<Function<JobRun, List<String>>> output(ApiRequest request) {
    int lines = count(request, "output_lines", 0, ServicesResource.MAX_OUTPUT_LINES);
    return lines == 0 ? Optional.empty() : Optional.of(run -> jobs.output(run, lines));
  }

  static int count(ApiRequest request, String name, int fallback, int max) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badRequest(
        "query parameter '"
            + name
            + "' must be an integer from 0 to "
            + max
            + ", got '"
            + text.get()
            + "'");
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS} in the job's {@code schedule_time_zone} (as {@code paasta rerun -d}
   * takes it), or an ISO-8601 instant with an offset; null or absent: none.
   */
  static Optional<Instant> executionDate(JsonNode value, ZoneId zone) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    String expected =
        "field 'execution_date' must be a date and time YYYY-MM-DDTHH:MM:SS (read in the job's"
            + " schedule_time_zone "
            + zone
            + ") or null, got ";
    if (!value.isTextual()) {
      throw ProblemException.badRequest(expected + value);
    }
    String text = value.textValue().strip();
    try {
      return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeException again) {
        throw ProblemException.badRequest(expected + "'" + text + "'");
      }
    }
  }

  private static Optional<JobsView.RerunType> rerunType(JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      switch (value.textValue().toLowerCase(Locale.ROOT)) {
        case "instance":
          return Optional.of(JobsView.RerunType.INSTANCE);
        case "graph":
          return Optional.of(JobsView.RerunType.GRAPH);
        default:
          break;
      }
    }
    throw ProblemException.badRequest(
        "field 'rerun_type' must be \"instance\", \"graph\" or null, got " + value);
  }

  private static boolean forceDisabled(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ProblemException.badRequest(
          "field 'force_disabled' must be true or false, got " + value);
    }
    return value.booleanValue();
  }
}

package io.paasta.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.DesiredState;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.server.DaemonLog;
import io.paasta.server.emergency.EmergencyDeployment;
import io.paasta.server.emergency.EmergencyStop;
import io.paasta.server.emergency.EmergencyStops;
import io.paasta.server.jobs.JobsView;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code paasta emergency-start|stop|restart} over the API: acts on the cluster at once, without
 * git tags, each logged (as a {@code deploy} line of the service) with who asked. An emergency stop
 * runs no task of a long-running instance and suspends a job's schedule (its scheduled run is
 * killed), and is kept in the state database until an emergency start or a newer start, stop or
 * deploy tag. An emergency start lifts it (a job also runs once now, as Chronos did); an emergency
 * restart kills the instance's tasks at once (no bounce: the loop starts new ones).
 */
public final class EmergencyResource {
  /** What acts on the cluster beside the stops kept. */
  public record Effects(
      Backend backend, Consumer<InstanceRef> passNow, JobsView jobs, Runnable wakeJobs) {}

  private final InstanceLookup lookup;
  private final EmergencyStops stops;
  private final Effects effects;
  private final DaemonLog log;
  private final Clock clock;

  public EmergencyResource(
      InstanceLookup lookup, EmergencyStops stops, Effects effects, DaemonLog log, Clock clock) {
    this.lookup = lookup;
    this.stops = stops;
    this.effects = effects;
    this.log = log;
    this.clock = clock;
  }

  /** {@code POST .../emergency_stop} with {@code {"by": "user@host"}}. */
  public ApiResponse stop(ApiRequest request) {
    Target target = target(request);
    String by = by(request);
    EmergencyStop stop =
        new EmergencyStop(
            target.ref(),
            by,
            clock.instant(),
            EmergencyDeployment.of(target.config(), target.loaded().service().deployments()));
    stops.stop(stop);
    String message =
        target.job()
            ? "emergency-stopped by "
                + by
                + ": the job runs no more scheduled runs and its scheduled run in progress is"
                + " killed, until paasta emergency-start or a newer start, stop or deploy tag"
            : "emergency-stopped by "
                + by
                + ": its tasks are stopped now and none runs until paasta emergency-start or a"
                + " newer start, stop or deploy tag";
    log.info(subject(target.ref()), message);
    act(target);
    return answer(target, "stop", message);
  }

  /** {@code POST .../emergency_start}: lifts the stop; a job also runs once now. */
  public ApiResponse start(ApiRequest request) {
    Target target = target(request);
    String by = by(request);
    StringBuilder message = new StringBuilder("emergency-started by " + by + ": ");
    message.append(lifted(target.ref()));
    if (stoppedByTag(target)) {
      message.append(
          "; but its deployment's desired state is stop (a stop tag): paasta start starts it");
    } else if (target.job()) {
      message.append("; ").append(runNow(target.ref()));
    } else {
      message.append("; it runs its tasks again");
    }
    log.info(subject(target.ref()), message.toString());
    act(target);
    return answer(target, "start", message.toString());
  }

  /** {@code POST .../emergency_restart}: kills a long-running instance's tasks at once. */
  public ApiResponse restart(ApiRequest request) {
    Target target = target(request);
    if (target.job()) {
      throw ProblemException.badRequest(
          target.ref().service()
              + "."
              + target.ref().instance()
              + " is a scheduled job: emergency-restart acts on long-running instances; use"
              + " paasta emergency-stop then paasta emergency-start (which runs it now)");
    }
    String by = by(request);
    List<String> running =
        effects.backend().observe(target.ref()).tasks().stream()
            .filter(ObservedTask::isRunning)
            .map(ObservedTask::id)
            .toList();
    String lifted = lifted(target.ref());
    String message =
        "emergency-restarted by "
            + by
            + ": "
            + running.size()
            + " running task(s) killed at once (no bounce; new ones start now); "
            + lifted;
    if (!running.isEmpty()) {
      try {
        effects
            .backend()
            .execute(target.ref(), new Action.KillTasks(running, "emergency restart by " + by));
      } catch (BackendException e) {
        throw new ProblemException(
            502,
            "emergency restart of "
                + subject(target.ref())
                + ": the engine could not kill its tasks: "
                + e.getMessage());
      }
    }
    log.info(subject(target.ref()), message);
    act(target);
    return answer(target, "restart", message);
  }

  /**
   * The emergency stop in force of a job of this cluster ({@code {"stopped_by", "stopped_at",
   * "lifted_by"}}); empty when none (or no such job).
   */
  public Optional<Map<String, Object>> jobStop(InstanceRef ref) {
    return lookup
        .job(ref.service(), ref.instance())
        .flatMap(
            found ->
                stops.inForce(
                    found.ref(),
                    EmergencyDeployment.of(found.config(), found.loaded().service().deployments())))
        .map(EmergencyStop::document);
  }

  /** A long-running instance or a job of this cluster, with its service. */
  private record Target(LoadedService loaded, InstanceConfig config, boolean job) {
    InstanceRef ref() {
      return config.ref();
    }
  }

  private Target target(ApiRequest request) {
    String service = request.path("service");
    String instance = request.path("instance");
    Optional<InstanceLookup.FoundJob> job = lookup.job(service, instance);
    if (job.isPresent()) {
      return new Target(job.get().loaded(), job.get().config(), true);
    }
    InstanceLookup.Found found = lookup.instance(service, instance);
    return new Target(found.loaded(), found.config(), false);
  }

  private static String by(ApiRequest request) {
    ObjectNode body = Json.object(request.body().isBlank() ? "{}" : request.body(), Set.of("by"));
    JsonNode by = body.get("by");
    if (by == null || by.isNull()) {
      return "an API client that did not say who it is";
    }
    if (!by.isTextual() || by.textValue().isBlank() || by.textValue().length() > 200) {
      throw ProblemException.badRequest(
          "field 'by' must be a text of 1 to 200 characters saying who asks, got " + by);
    }
    return by.textValue().strip();
  }

  private String lifted(InstanceRef ref) {
    return stops
        .lift(ref)
        .map(s -> "the emergency stop of " + s.by() + " (since " + s.at() + ") is lifted")
        .orElse("no emergency stop was in force");
  }

  private static boolean stoppedByTag(Target target) {
    var ref = target.ref();
    return target
        .loaded()
        .service()
        .deployments()
        .map(d -> d.controlFor(ref.service(), ref.cluster(), ref.instance()).desiredState())
        .filter(DesiredState.STOP::equals)
        .isPresent();
  }

  /** Runs the job once now (Chronos' emergency start); says what came of it. */
  private String runNow(InstanceRef ref) {
    try {
      List<JobRun> runs =
          effects
              .jobs()
              .rerun(
                  ref,
                  Optional.of(clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                  Optional.of(JobsView.RerunType.INSTANCE),
                  false);
      return runs.isEmpty() ? "no run was created" : "run " + runs.get(0).runId() + " launched now";
    } catch (JobsView.RerunRefused e) {
      return "it could not run now: " + e.getMessage();
    }
  }

  private void act(Target target) {
    if (target.job()) {
      effects.wakeJobs().run();
    } else {
      effects.passNow().accept(target.ref());
    }
  }

  private ApiResponse answer(Target target, String action, String message) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("service", target.ref().service());
    doc.put("instance", target.ref().instance());
    doc.put("cluster", target.ref().cluster());
    doc.put("action", action);
    doc.put("message", message);
    doc.put(
        "emergency_stop",
        stops
            .inForce(
                target.ref(),
                EmergencyDeployment.of(target.config(), target.loaded().service().deployments()))
            .map(EmergencyStop::document)
            .orElse(null));
    return ApiResponse.json(doc);
  }

  private static String subject(InstanceRef ref) {
    return ref.service() + "." + ref.instance();
  }
}

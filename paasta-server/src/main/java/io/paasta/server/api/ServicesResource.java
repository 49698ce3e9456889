package io.paasta.server.api;

import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.status.StatusRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read side of the API: services, their instances, an instance's status and its tasks, each
 * read afresh from soa-configs, the backend and the last pass.
 */
public final class ServicesResource {
  /** Most lines of task output one request may ask for. */
  static final int MAX_OUTPUT_LINES = 1000;

  private final InstanceLookup lookup;
  private final ClusterDesiredState desired;
  private final Backend backend;
  private final StatusRegistry status;
  private final Clock clock;
  private final io.paasta.server.status.StatusExtras extras;
  private final StoredTaskOutput storedOutput;

  public ServicesResource(
      InstanceLookup lookup,
      ClusterDesiredState desired,
      Backend backend,
      StatusRegistry status,
      io.paasta.server.status.StatusExtras extras,
      Clock clock) {
    this(lookup, desired, backend, status, extras, clock, StoredTaskOutput.NONE);
  }

  /**
   * @param storedOutput the tasks' last output lines from the log store (else the engine's)
   */
  public ServicesResource(
      InstanceLookup lookup,
      ClusterDesiredState desired,
      Backend backend,
      StatusRegistry status,
      io.paasta.server.status.StatusExtras extras,
      Clock clock,
      StoredTaskOutput storedOutput) {
    this.storedOutput = storedOutput;
    this.extras = extras;
    this.lookup = lookup;
    this.desired = desired;
    this.backend = backend;
    this.status = status;
    this.clock = clock;
  }

  /** {@code {"services": [...]}} */
  public ApiResponse services(ApiRequest request) {
    return ApiResponse.json(Map.of("services", lookup.services()));
  }

  /** {@code {"instances": [...]}} */
  public ApiResponse instances(ApiRequest request) {
    return ApiResponse.json(Map.of("instances", lookup.instances(request.path("service"))));
  }

  public ApiResponse status(ApiRequest request) {
    InstanceLookup.Found found = lookup.instance(request.path("service"), request.path("instance"));
    return ApiResponse.json(statusDocument(found, backend.observe(found.ref())));
  }

  /**
   * The status document of an instance whose tasks the caller observed (the cluster's summary
   * observes every instance in one go).
   */
  Map<String, Object> statusDocument(InstanceLookup.Found found, ObservedInstance tasks) {
    Optional<DesiredInstance> wanted = desiredOf(found);
    ObservedInstance observed = extras.observed(found.ref(), tasks);
    Optional<Map<String, Object>> emergencyStop = extras.emergencyStop(found.ref());
    Map<String, Object> document =
        StatusDocument.of(
            new StatusDocument.Parts(
                found,
                wanted,
                observed,
                status.of(found.ref()),
                status.backoffOf(found.ref()),
                status.serviceProblems().getOrDefault(found.ref().service(), List.of()),
                extras.smartstack(found.ref()),
                extras.checks(found.ref()),
                clock.instant(),
                emergencyStop.isPresent()));
    document.put("emergency_stop", emergencyStop.orElse(null));
    extras.autoscaling(found.ref()).ifPresent(a -> document.put("autoscaling", a));
    backend
        .detail(found.ref(), wanted, clock.instant())
        .ifPresent(d -> InstanceDetailDocument.addTo(document, found.ref().kind().filePrefix(), d));
    return document;
  }

  InstanceLookup lookup() {
    return lookup;
  }

  java.time.Instant now() {
    return clock.instant();
  }

  /** The services whose soa-configs have problems, with them. */
  Map<String, List<String>> serviceProblems() {
    return status.serviceProblems();
  }

  /** Every instance's tasks, observed in one go. */
  Map<io.paasta.model.InstanceRef, ObservedInstance> observeAll() {
    Map<io.paasta.model.InstanceRef, ObservedInstance> all = new java.util.HashMap<>();
    backend.observeAll().forEach(o -> all.put(o.ref(), o));
    return all;
  }

  /**
   * {@code {"tasks": [...]}}; with {@code verbose >= 2} each task's last 10^(verbose-1) lines, from
   * the log store when it has the task's output, else from the engine.
   */
  public ApiResponse tasks(ApiRequest request) {
    int verbose = verbose(request);
    InstanceLookup.Found found = lookup.instance(request.path("service"), request.path("instance"));
    Optional<DesiredInstance> wanted = desiredOf(found);
    Optional<Function<ObservedTask, List<String>>> output = Optional.empty();
    if (verbose >= 2) {
      int lines = (int) Math.min(MAX_OUTPUT_LINES, Math.pow(10, verbose - 1));
      output =
          Optional.of(
              task ->
                  storedOutput
                      .lastLines(found.ref(), task.id(), lines)
                      .orElseGet(() -> backend.taskOutput(task.id(), lines)));
    }
    Optional<Function<ObservedTask, List<String>>> withOutput = output;
    List<Map<String, Object>> tasks =
        backend.observe(found.ref()).tasks().stream()
            .sorted(TaskDocument.ORDER)
            .map(task -> TaskDocument.of(task, wanted, withOutput))
            .toList();
    return ApiResponse.json(Map.of("tasks", tasks));
  }

  private Optional<DesiredInstance> desiredOf(InstanceLookup.Found found) {
    return desired
        .of(found.ref())
        .orElseThrow(() -> ProblemException.notFound(found.ref() + " is no longer in soa-configs"));
  }

  private static int verbose(ApiRequest request) {
    Optional<String> text = request.query("verbose");
    if (text.isEmpty()) {
      return 0;
    }
    try {
      int verbose = Integer.parseInt(text.get());
      if (verbose >= 0) {
        return verbose;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.badRequest(
        "query parameter 'verbose' must be an integer >= 0, got '" + text.get() + "'");
  }
}

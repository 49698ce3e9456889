package io.paasta.server.api;

import io.paasta.model.InstanceRef;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * {@code POST /v1/services/{s}/{i}/restart} (with the token): bounces a long-running instance now,
 * by its bounce method, to a new app with the same image and config (a forced bounce the daemon
 * keeps, as {@code paasta restart} does through deployments.json without the git round trip).
 * Answers 202 with {@code {service, instance, force_bounce}}; the bounce then shows in the
 * instance's status.
 */
public final class RestartResource {
  private final Optional<InstanceLookup> lookup;
  private final BiFunction<InstanceRef, java.time.Instant, String> restarts;
  private final Consumer<InstanceRef> passNow;
  private final Clock clock;

  /**
   * @param restarts records a restart of an instance at a time, returning its mark
   * @param passNow asks for a pass of the instance at once
   */
  public RestartResource(
      InstanceLookup lookup,
      BiFunction<InstanceRef, java.time.Instant, String> restarts,
      Consumer<InstanceRef> passNow,
      Clock clock) {
    this(Optional.of(lookup), restarts, passNow, clock);
  }

  private RestartResource(
      Optional<InstanceLookup> lookup,
      BiFunction<InstanceRef, java.time.Instant, String> restarts,
      Consumer<InstanceRef> passNow,
      Clock clock) {
    this.lookup = lookup;
    this.restarts = restarts;
    this.passNow = passNow;
    this.clock = clock;
  }

  /** For a router without a daemon behind it: every restart is a 404. */
  static RestartResource unavailable() {
    return new RestartResource(Optional.empty(), (ref, at) -> "", ref -> {}, Clock.systemUTC());
  }

  public ApiResponse restart(ApiRequest request) {
    if (lookup.isEmpty()) {
      throw ProblemException.notFound("this daemon restarts no instance");
    }
    InstanceLookup.Found found =
        lookup.get().instance(request.path("service"), request.path("instance"));
    String mark = restarts.apply(found.ref(), clock.instant());
    passNow.accept(found.ref());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", found.ref().service());
    body.put("instance", found.ref().instance());
    body.put("force_bounce", mark);
    return new ApiResponse(202, ApiResponse.JSON, Json.write(body));
  }
}

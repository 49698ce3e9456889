package io.paasta.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.model.DesiredState;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.server.autoscaling.AutoscalerCounts;
import io.paasta.server.autoscaling.AutoscalerPause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The autoscaler's side of the API: an autoscaled instance's count (read, or set and clamped to its
 * bounds; a change is a scale, not a bounce), and the cluster-wide pause.
 */
public final class AutoscalerResource {
  /** The longest pause one request may ask for: a week. */
  static final int MAX_PAUSE_MINUTES = 7 * 24 * 60;

  private final InstanceLookup lookup;
  private final AutoscalerCounts counts;
  private final AutoscalerPause pause;
  private final Consumer<InstanceRef> passRequests;
  private final Clock clock;

  /**
   * @param passRequests asks the daemon for a pass of an instance whose count changed
   */
  public AutoscalerResource(
      InstanceLookup lookup,
      AutoscalerCounts counts,
      AutoscalerPause pause,
      Consumer<InstanceRef> passRequests,
      Clock clock) {
    this.lookup = lookup;
    this.counts = counts;
    this.pause = pause;
    this.passRequests = passRequests;
    this.clock = clock;
  }

  /** {@code {"desired_instances", "min_instances", "max_instances", "autoscaled"}} */
  public ApiResponse get(ApiRequest request) {
    LongRunningConfig config =
        lookup.instance(request.path("service"), request.path("instance")).config();
    return ApiResponse.json(document(config));
  }

  /** Body {@code {"desired_instances": n}}: stores n clamped to [min, max], then scales. */
  public ApiResponse set(ApiRequest request) {
    ObjectNode body = Json.object(request.body(), Set.of("desired_instances"));
    int wanted = Json.requiredInt(body, "desired_instances", 0, Integer.MAX_VALUE);
    LongRunningConfig config =
        lookup.instance(request.path("service"), request.path("instance")).config();
    if (!config.autoscaled()) {
      throw ProblemException.badRequest(
          config.ref().service()
              + "."
              + config.ref().instance()
              + " in cluster '"
              + config.ref().cluster()
              + "' is not autoscaled (it runs `instances: "
              + config.instances()
              + "`): only instances with min_instances/max_instances in "
              + config.ref().kind().fileName(config.ref().cluster())
              + " take a count from the autoscaler");
    }
    counts.set(config.ref(), clamp(config, wanted));
    passRequests.accept(config.ref());
    return ApiResponse.json(document(config));
  }

  /** {@code {"paused_until": ISO or null}} (null once the pause is over). */
  public ApiResponse pauseGet(ApiRequest request) {
    return ApiResponse.json(pauseDocument());
  }

  /** Body {@code {"minutes": n}}: pauses the autoscaler for n minutes from now. */
  public ApiResponse pauseSet(ApiRequest request) {
    ObjectNode body = Json.object(request.body(), Set.of("minutes"));
    int minutes = Json.requiredInt(body, "minutes", 1, MAX_PAUSE_MINUTES);
    pause.pauseUntil(clock.instant().plus(Duration.ofMinutes(minutes)));
    return ApiResponse.json(pauseDocument());
  }

  public ApiResponse pauseDelete(ApiRequest request) {
    pause.resume();
    return ApiResponse.json(pauseDocument());
  }

  private Map<String, Object> document(LongRunningConfig config) {
    Map<String, Object> doc = new LinkedHashMap<>();
    if (config.autoscaled()) {
      OptionalInt stored = counts.get(config.ref());
      doc.put("desired_instances", count(config, stored));
      doc.put("min_instances", count(config, OptionalInt.of(Integer.MIN_VALUE)));
      doc.put("max_instances", count(config, OptionalInt.of(Integer.MAX_VALUE)));
      doc.put("autoscaled", true);
    } else {
      doc.put("desired_instances", config.instances());
      doc.put("min_instances", null);
      doc.put("max_instances", null);
      doc.put("autoscaled", false);
    }
    return doc;
  }

  /**
   * The count the desired state runs for a stored count (started state): clamping the extreme
   * values gives the bounds, exactly as the desired state applies them.
   */
  private static int count(LongRunningConfig config, OptionalInt stored) {
    return DesiredInstanceFactory.desiredCount(config, DesiredState.START, stored);
  }

  private static int clamp(LongRunningConfig config, int wanted) {
    return count(config, OptionalInt.of(wanted));
  }

  private Map<String, Object> pauseDocument() {
    Optional<Instant> until = pause.pausedUntil().filter(t -> t.isAfter(clock.instant()));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("paused_until", until.map(Instant::toString).orElse(null));
    return doc;
  }
}

package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.paasta.model.DrainMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The container's preStop hook and the pod's termination grace period. {@code
 * lifecycle.pre_stop_command} (a string runs by {@code sh -c}, a list as is) wins; else a hacheck
 * drain (a SmartStack instance) becomes {@code sleep <delay>} ({@code drain_method_params.delay},
 * 60 s by default, SPEC section 5) so that proxies stop sending before the container is stopped,
 * while readiness has already taken the pod out of its Services. The grace period is {@code
 * lifecycle.termination_grace_period_seconds} when set; with a drain sleep it is the delay + 30 s
 * (Kubernetes counts the preStop time in it); else Kubernetes' default.
 */
final class PreStop {
  static final long DEFAULT_HACHECK_DELAY_SECONDS = 60;
  static final long STOP_SECONDS_AFTER_DRAIN = 30;

  private PreStop() {}

  record Hook(Optional<Lifecycle> lifecycle, OptionalLong terminationGraceSeconds) {}

  static Hook of(
      DrainMethod drain, Map<String, Object> drainParams, Map<String, Object> effective) {
    Map<?, ?> lifecycle = effective.get("lifecycle") instanceof Map<?, ?> map ? map : Map.of();
    OptionalLong grace =
        lifecycle.get("termination_grace_period_seconds") instanceof Number n
            ? OptionalLong.of(n.longValue())
            : OptionalLong.empty();
    Object command = lifecycle.get("pre_stop_command");
    if (command instanceof String text) {
      return new Hook(Optional.of(exec(List.of("sh", "-c", text))), grace);
    }
    if (command instanceof List<?> list) {
      return new Hook(Optional.of(exec(list.stream().map(String::valueOf).toList())), grace);
    }
    if (drain == DrainMethod.HACHECK) {
      long delay =
          drainParams.get("delay") instanceof Number n
              ? (long) Math.ceil(n.doubleValue())
              : DEFAULT_HACHECK_DELAY_SECONDS;
      OptionalLong withSleep =
          grace.isPresent() ? grace : OptionalLong.of(delay + STOP_SECONDS_AFTER_DRAIN);
      return new Hook(Optional.of(exec(List.of("sh", "-c", "sleep " + delay))), withSleep);
    }
    return new Hook(Optional.empty(), grace);
  }

  private static Lifecycle exec(List<String> command) {
    return new LifecycleBuilder()
        .withNewPreStop()
        .withNewExec()
        .withCommand(command)
        .endExec()
        .endPreStop()
        .build();
  }
}

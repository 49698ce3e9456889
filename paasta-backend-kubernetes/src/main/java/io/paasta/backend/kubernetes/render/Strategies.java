package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.paasta.model.BounceMethod;
import io.paasta.model.InstanceRef;

/**
 * Bounce method -> Deployment strategy (SPEC sections 12 and 14): crossover -> RollingUpdate with
 * {@code maxSurge 100%} and {@code maxUnavailable int((1 - bounce_margin_factor) * 100)%}; brutal
 * -> RollingUpdate with both at 100 %; downthenup -> Recreate. upthendown (and the internal {@code
 * down}) have no Kubernetes form: validate refuses them for a Kubernetes cluster.
 */
final class Strategies {
  static final String ALL = "100%";

  private Strategies() {}

  static DeploymentStrategy of(InstanceRef ref, BounceMethod method, double marginFactor) {
    return switch (method) {
      case CROSSOVER -> rolling(ALL, maxUnavailable(marginFactor));
      case BRUTAL -> rolling(ALL, ALL);
      case DOWNTHENUP -> new DeploymentStrategyBuilder().withType("Recreate").build();
      case UPTHENDOWN, DOWN ->
          throw new RenderException(
              ref
                  + ": bounce_method "
                  + method.name().toLowerCase(java.util.Locale.ROOT)
                  + " cannot run on Kubernetes; use crossover, brutal or downthenup");
    };
  }

  /** {@code int((1 - bounce_margin_factor) * 100)%}, as PaaSTA wrote it. */
  static String maxUnavailable(double marginFactor) {
    return (int) ((1 - marginFactor) * 100) + "%";
  }

  private static DeploymentStrategy rolling(String maxSurge, String maxUnavailable) {
    return new DeploymentStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(maxSurge))
        .withMaxUnavailable(new IntOrString(maxUnavailable))
        .endRollingUpdate()
        .build();
  }
}

package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.CanonicalJson;
import java.util.Locale;
import java.util.Optional;

/**
 * The HorizontalPodAutoscaler (autoscaling/v2) of an autoscaled instance (SPEC sections 11 and 14):
 * made when {@code max_instances} is set, the instance is started, the policy is not {@code
 * bespoke} and the autoscaler is not paused. {@code cpu} (or {@code mesos_cpu}) is the Resource
 * metric cpu at {@code averageUtilization = setpoint * 100}; {@code http} and {@code uwsgi} are a
 * Pods metric of that name at an average value of {@code setpoint} (a custom-metrics adapter must
 * serve it). Scale-down: at most 30 % per 60 s, over a 300 s stabilisation window (section 11's 30
 * % clamp).
 */
final class Autoscalers {
  static final double DEFAULT_SETPOINT = 0.8;
  static final int SCALE_DOWN_PERCENT = 30;
  static final int SCALE_DOWN_PERIOD_SECONDS = 60;
  static final int STABILIZATION_WINDOW_SECONDS = 300;

  private Autoscalers() {}

  static Optional<HorizontalPodAutoscaler> of(
      LongRunningConfig config, ObjectMeta meta, boolean started, boolean paused) {
    String policy = text(config, "decision_policy", "proportional");
    if (config.maxInstances().isEmpty() || !started || paused || policy.equals("bespoke")) {
      return Optional.empty();
    }
    int max = config.maxInstances().getAsInt();
    int min = Math.max(1, Math.min(config.minInstances().orElse(1), max));
    return Optional.of(
        new HorizontalPodAutoscalerBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(meta.getName())
            .endScaleTargetRef()
            .withMinReplicas(min)
            .withMaxReplicas(max)
            .withMetrics(metric(config))
            .withNewBehavior()
            .withNewScaleDown()
            .withStabilizationWindowSeconds(STABILIZATION_WINDOW_SECONDS)
            .addNewPolicy()
            .withType("Percent")
            .withValue(SCALE_DOWN_PERCENT)
            .withPeriodSeconds(SCALE_DOWN_PERIOD_SECONDS)
            .endPolicy()
            .endScaleDown()
            .endBehavior()
            .endSpec()
            .build());
  }

  private static MetricSpec metric(LongRunningConfig config) {
    String provider = text(config, "metrics_provider", "cpu");
    double setpoint =
        config.autoscaling().get("setpoint") instanceof Number n
            ? n.doubleValue()
            : DEFAULT_SETPOINT;
    if (provider.equals("cpu") || provider.equals("mesos_cpu")) {
      return new MetricSpecBuilder()
          .withType("Resource")
          .withNewResource()
          .withName("cpu")
          .withNewTarget()
          .withType("Utilization")
          .withAverageUtilization((int) Math.round(setpoint * 100))
          .endTarget()
          .endResource()
          .build();
    }
    return new MetricSpecBuilder()
        .withType("Pods")
        .withNewPods()
        .withNewMetric()
        .withName(provider)
        .endMetric()
        .withNewTarget()
        .withType("AverageValue")
        .withAverageValue(new Quantity(CanonicalJson.number(setpoint)))
        .endTarget()
        .endPods()
        .build();
  }

  private static String text(LongRunningConfig config, String key, String otherwise) {
    return config.autoscaling().get(key) instanceof String s
        ? s.toLowerCase(Locale.ROOT)
        : otherwise;
  }
}

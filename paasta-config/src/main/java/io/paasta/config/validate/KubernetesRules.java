package io.paasta.config.validate;

import io.paasta.config.problem.Problem;
import io.paasta.config.soa.FieldLocator;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.BounceMethod;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesNames;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.WireEnum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules for instances that run on Kubernetes (a {@code kubernetes-*.yaml} file, or a cluster of the
 * system config's {@code kubernetes_clusters}), SPEC section 14: {@code upthendown} has no
 * Deployment strategy, and two instances whose sanitised object names are equal ({@code a_b} and
 * {@code a--b}) would be one Deployment (or CronJob). Long names are fine: they get a hash suffix.
 */
final class KubernetesRules {
  static final String ALLOWED_BOUNCE_METHODS = "crossover, brutal or downthenup";

  private KubernetesRules() {}

  static List<Problem> check(LoadedService loaded, RunLimits limits) {
    List<Problem> problems = new ArrayList<>();
    Map<String, InstanceConfig> byName = new HashMap<>();
    for (InstanceConfig instance : loaded.service().instances()) {
      if (!limits.onKubernetes(instance.ref())) {
        continue;
      }
      FieldLocator locator = SemanticRules.locatorFor(loaded.files(), instance);
      if (instance instanceof LongRunningConfig config
          && config.bounceMethod() == BounceMethod.UPTHENDOWN) {
        problems.add(
            Problem.error(
                locator.locate(List.of("bounce_method")),
                instance.ref().instance() + ".bounce_method",
                "cannot run on Kubernetes (cluster "
                    + instance.ref().cluster()
                    + " is a Kubernetes cluster)",
                WireEnum.wireName(config.bounceMethod()),
                ALLOWED_BOUNCE_METHODS));
      }
      String key =
          instance.ref().cluster() + "/" + kindGroup(instance) + "/" + objectName(instance);
      InstanceConfig other = byName.putIfAbsent(key, instance);
      if (other != null) {
        problems.add(
            Problem.error(
                locator.locate(List.of()),
                instance.ref().instance(),
                "has the Kubernetes name "
                    + objectName(instance)
                    + ", as has instance "
                    + other.ref().instance()
                    + " in cluster "
                    + instance.ref().cluster()
                    + " (names are lower-cased and '_' is written '--')",
                instance.ref().instance(),
                "instance names that stay distinct once sanitised"));
      }
    }
    return problems;
  }

  /** Deployments and CronJobs are different kinds: their names may be equal. */
  private static String kindGroup(InstanceConfig instance) {
    return instance instanceof JobConfig ? "job" : "long-running";
  }

  private static String objectName(InstanceConfig instance) {
    int limit =
        instance instanceof JobConfig ? KubernetesNames.MAX_CRONJOB_NAME : KubernetesNames.MAX_NAME;
    return KubernetesNames.sanitise(
        instance.ref().service() + "-" + instance.ref().instance(), limit);
  }
}

package io.paasta.backend.kubernetes.render;

import io.paasta.model.KubernetesNames;
import java.util.Map;
import java.util.TreeMap;

/** The labels of SPEC section 14, on every object and pod the renderer makes. */
public final class ObjectLabels {
  public static final String PREFIX = "paasta.yelp.com/";
  public static final String SERVICE = PREFIX + "service";
  public static final String INSTANCE = PREFIX + "instance";
  public static final String GIT_SHA = PREFIX + "git_sha";
  public static final String CONFIG_SHA = PREFIX + "config_sha";
  public static final String CLUSTER = PREFIX + "cluster";
  public static final String POOL = PREFIX + "pool";
  public static final String DEPLOY_GROUP = PREFIX + "deploy_group";
  public static final String MANAGED = PREFIX + "managed";
  public static final String AUTOSCALED = PREFIX + "autoscaled";

  /** {@code registrations.paasta.yelp.com/<service.namespace>=true} on pods registered there. */
  public static final String REGISTRATION_PREFIX = "registrations.paasta.yelp.com/";

  private ObjectLabels() {}

  /** The managed label alone (namespaces). */
  public static Map<String, String> managed() {
    return Map.of(MANAGED, "true");
  }

  /** The selector of an instance's pods: service and instance. */
  public static Map<String, String> selector(String service, String instance) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(SERVICE, KubernetesNames.labelValue(service));
    labels.put(INSTANCE, KubernetesNames.labelValue(instance));
    return labels;
  }

  /** The label that registers a pod in {@code <service>.<namespace>}. */
  public static String registration(String serviceNamespace) {
    return REGISTRATION_PREFIX + KubernetesNames.limit(serviceNamespace, KubernetesNames.MAX_NAME);
  }

  /**
   * Every label of section 14 but {@code config_sha} (which is a hash over the pod template that
   * carries these labels): sorted by key.
   */
  public static Map<String, String> identity(
      String service,
      String instance,
      String cluster,
      String gitSha,
      String pool,
      String deployGroup,
      boolean autoscaled) {
    Map<String, String> labels = new TreeMap<>(selector(service, instance));
    labels.put(GIT_SHA, KubernetesNames.labelValue(gitSha));
    labels.put(CLUSTER, KubernetesNames.labelValue(cluster));
    labels.put(POOL, KubernetesNames.labelValue(pool));
    labels.put(DEPLOY_GROUP, KubernetesNames.labelValue(deployGroup));
    labels.put(MANAGED, "true");
    labels.put(AUTOSCALED, String.valueOf(autoscaled));
    return labels;
  }
}

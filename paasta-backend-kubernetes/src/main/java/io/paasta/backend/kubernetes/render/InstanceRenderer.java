package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.paasta.model.InstanceRef;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.KubernetesNames;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.planning.app.DesiredInstance;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A long-running instance as Kubernetes objects (SPEC section 14). Pure: no I/O, no clock; equal
 * inputs give equal objects (labels and env sorted), so an applier can compare them with what the
 * cluster holds.
 */
public final class InstanceRenderer {
  private InstanceRenderer() {}

  /**
   * {@link #render(DesiredInstance, LongRunningConfig, KubernetesCluster, Map, boolean)} with the
   * autoscaler not paused.
   */
  public static RenderedInstance render(
      DesiredInstance desired,
      LongRunningConfig config,
      KubernetesCluster cluster,
      Map<String, NamespaceConfig> namespaces) {
    return render(desired, config, cluster, namespaces, false);
  }

  /**
   * @param desired what the daemon wants running (image, env, run spec, count, bounce settings)
   * @param config the instance's config (registrations, autoscaling, lifecycle, namespace key)
   * @param cluster where it runs (registry, pull secret, namespace prefix)
   * @param namespaces the service's SmartStack namespaces by name (smartstack.yaml)
   * @param autoscalerPaused no HPA while the autoscaler is paused (the count stays as it is)
   * @throws RenderException for a config Kubernetes cannot run (upthendown)
   */
  public static RenderedInstance render(
      DesiredInstance desired,
      LongRunningConfig config,
      KubernetesCluster cluster,
      Map<String, NamespaceConfig> namespaces,
      boolean autoscalerPaused) {
    InstanceRef ref = config.ref();
    String namespace = Namespaces.name(cluster, ref.service(), config.effective());
    String name = KubernetesNames.objectName(ref.service(), ref.instance());
    Map<String, String> labels =
        ObjectLabels.identity(
            ref.service(),
            ref.instance(),
            ref.cluster(),
            desired.gitSha(),
            config.container().pool(),
            config.deployGroup(),
            config.autoscaled());
    PodTemplateSpec unlabelled = podTemplate(desired, config, cluster, namespace, labels);
    labels.put(ObjectLabels.CONFIG_SHA, ConfigSha.of(unlabelled, desired.configHash()));
    PodTemplateSpec template = withLabels(unlabelled, labels);
    ObjectMeta meta =
        new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build();
    return new RenderedInstance(
        Namespaces.object(namespace),
        deployment(desired, meta, template),
        pdb(desired, meta),
        Autoscalers.of(config, meta, desired.instances() > 0, autoscalerPaused),
        SmartStackServices.of(config, namespaces, namespace));
  }

  private static PodTemplateSpec podTemplate(
      DesiredInstance desired,
      LongRunningConfig config,
      KubernetesCluster cluster,
      String namespace,
      Map<String, String> labels) {
    Map<String, String> podLabels = new TreeMap<>(labels);
    podLabels.putAll(SmartStackServices.registrationLabels(config));
    return PodTemplates.template(
        new PodInput(
            config.ref().service(),
            config.ref().instance(),
            namespace,
            ClusterImages.image(cluster, desired.run()),
            desired.run(),
            desired.run().cmd(),
            OptionalInt.of(config.container().containerPort()),
            desired.drainMethod(),
            desired.drainMethodParams(),
            config.effective(),
            podLabels,
            cluster.dockerConfig().isPresent(),
            "Always"));
  }

  /** The template with {@code config_sha} (and the other labels) added to its pod labels. */
  static PodTemplateSpec withLabels(PodTemplateSpec template, Map<String, String> labels) {
    Map<String, String> podLabels = new TreeMap<>(template.getMetadata().getLabels());
    podLabels.putAll(labels);
    return new PodTemplateSpecBuilder(template)
        .editMetadata()
        .withLabels(podLabels)
        .endMetadata()
        .build();
  }

  private static Deployment deployment(
      DesiredInstance desired, ObjectMeta meta, PodTemplateSpec template) {
    DeploymentBuilder deployment =
        new DeploymentBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withReplicas(desired.instances())
            .withNewSelector()
            .withMatchLabels(selector(desired))
            .endSelector()
            .withStrategy(
                Strategies.of(desired.ref(), desired.bounceMethod(), desired.bounceMarginFactor()))
            .withRevisionHistoryLimit(0)
            .withTemplate(template)
            .endSpec();
    desired
        .minTaskUptime()
        .ifPresent(
            uptime ->
                deployment
                    .editSpec()
                    .withMinReadySeconds((int) Math.ceil(uptime.toMillis() / 1000.0))
                    .endSpec());
    return deployment.build();
  }

  /** {@code maxUnavailable int((1 - bounce_margin_factor) * 100)%}, same selector. */
  private static PodDisruptionBudget pdb(DesiredInstance desired, ObjectMeta meta) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withMaxUnavailable(
            new IntOrString(Strategies.maxUnavailable(desired.bounceMarginFactor())))
        .withNewSelector()
        .withMatchLabels(selector(desired))
        .endSelector()
        .endSpec()
        .build();
  }

  private static Map<String, String> selector(DesiredInstance desired) {
    return ObjectLabels.selector(desired.ref().service(), desired.ref().instance());
  }
}

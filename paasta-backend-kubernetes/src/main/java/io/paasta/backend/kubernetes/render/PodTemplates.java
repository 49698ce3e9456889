package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.paasta.model.KubernetesNames;
import io.paasta.planning.app.CanonicalJson;
import io.paasta.planning.app.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod template of an instance or a job (SPEC section 14): one container named after the
 * instance with the image, command, env, resources, port, probes, hostPath volumes and preStop.
 */
final class PodTemplates {
  /** {@code cpu_burst_add}'s default: the CPU limit is {@code cpus + 1}. */
  static final double DEFAULT_CPU_BURST_ADD = 1;

  /** The container port's name: Services target it, so each pod's own container_port is used. */
  static final String PORT_NAME = "paasta";

  private PodTemplates() {}

  static PodTemplateSpec template(PodInput in) {
    PreStop.Hook hook = PreStop.of(in.drainMethod(), in.drainParams(), in.effective());
    PodSpecBuilder spec =
        new PodSpecBuilder()
            .withContainers(container(in, hook))
            .withVolumes(volumes(in.run()))
            .withRestartPolicy(in.restartPolicy());
    hook.terminationGraceSeconds().ifPresent(spec::withTerminationGracePeriodSeconds);
    if (in.pullSecret()) {
      spec.addNewImagePullSecret(SecretNames.IMAGE_PULL_SECRET);
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(in.labels())
        .endMetadata()
        .withSpec(spec.build())
        .build();
  }

  private static Container container(PodInput in, PreStop.Hook hook) {
    RunSpec run = in.run();
    ContainerBuilder container =
        new ContainerBuilder()
            .withName(KubernetesNames.sanitise(in.instance(), KubernetesNames.MAX_NAME))
            .withImage(in.image())
            .withEnv(ContainerEnv.of(run.env(), in.namespace(), in.service(), in.containerPort()))
            .withResources(resources(run, in.effective()))
            .withVolumeMounts(mounts(run));
    in.cmd().ifPresent(cmd -> container.withCommand("sh", "-c", cmd));
    if (!run.args().isEmpty()) {
      container.withArgs(run.args());
    }
    in.containerPort()
        .ifPresent(
            port -> {
              container.addNewPort().withName(PORT_NAME).withContainerPort(port).endPort();
              Probes.liveness(run.healthcheck(), port).ifPresent(container::withLivenessProbe);
              Probes.readiness(run.healthcheck(), port).ifPresent(container::withReadinessProbe);
            });
    hook.lifecycle().ifPresent(container::withLifecycle);
    return container.build();
  }

  /**
   * cpus -> request, limit cpus + cpu_burst_add; mem -> request = limit {@code <mem>Mi}; disk ->
   * ephemeral-storage request = limit {@code <disk>Mi}.
   */
  static ResourceRequirements resources(RunSpec run, Map<String, Object> effective) {
    double burst =
        effective.get("cpu_burst_add") instanceof Number n
            ? n.doubleValue()
            : DEFAULT_CPU_BURST_ADD;
    Quantity mem = new Quantity(CanonicalJson.number(run.memMb()) + "Mi");
    Quantity disk = new Quantity(CanonicalJson.number(run.diskMb()) + "Mi");
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(CanonicalJson.number(run.cpus())))
        .addToRequests("memory", mem)
        .addToRequests("ephemeral-storage", disk)
        .addToLimits("cpu", new Quantity(CanonicalJson.number(run.cpus() + burst)))
        .addToLimits("memory", mem)
        .addToLimits("ephemeral-storage", disk)
        .build();
  }

  /** System volumes and extra_volumes as hostPath volumes {@code host-0}, {@code host-1}, ... */
  private static List<Volume> volumes(RunSpec run) {
    List<Volume> volumes = new ArrayList<>();
    for (int i = 0; i < run.volumes().size(); i++) {
      volumes.add(
          new VolumeBuilder()
              .withName(volumeName(i))
              .withNewHostPath()
              .withPath(run.volumes().get(i).hostPath())
              .endHostPath()
              .build());
    }
    return volumes;
  }

  /** Read-only unless {@code mode: RW}. */
  private static List<VolumeMount> mounts(RunSpec run) {
    List<VolumeMount> mounts = new ArrayList<>();
    for (int i = 0; i < run.volumes().size(); i++) {
      io.paasta.model.Volume volume = run.volumes().get(i);
      mounts.add(
          new VolumeMountBuilder()
              .withName(volumeName(i))
              .withMountPath(volume.containerPath())
              .withReadOnly(volume.mode() != io.paasta.model.Volume.Mode.RW)
              .build());
    }
    return mounts;
  }

  private static String volumeName(int index) {
    return "host-" + index;
  }
}

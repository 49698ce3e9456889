package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.paasta.model.DrainMethod;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.KubernetesNames;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.app.Labels;
import io.paasta.planning.app.RunSpec;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A {@code paasta remote-run} as a bare Pod (section 14's pod template of the adhoc instance, with
 * its run spec): {@code restartPolicy: Never}, {@code activeDeadlineSeconds} the run's time limit
 * (the kubelet stops it then, even with no daemon up), labelled with the instance and {@link
 * #RUN_ID} (so neither the reconcile loop nor the job scheduler takes it for theirs), and annotated
 * with what {@code paasta remote-run list} shows: the exact service and instance, who asked, the
 * command, the start and the deadline. In the instance's {@code namespace} when it names one, as
 * the service's other instances. Pure.
 */
public final class AdhocRenderer {
  /** The label that makes a pod an adhoc run, with the run's id as value. */
  public static final String RUN_ID = ObjectLabels.PREFIX + "adhoc_run_id";

  public static final String SERVICE = ObjectLabels.PREFIX + "adhoc_service";
  public static final String INSTANCE = ObjectLabels.PREFIX + "adhoc_instance";
  public static final String BY = ObjectLabels.PREFIX + "adhoc_by";
  public static final String COMMAND = ObjectLabels.PREFIX + "adhoc_command";
  public static final String STARTED_AT = ObjectLabels.PREFIX + "adhoc_started_at";
  public static final String DEADLINE = ObjectLabels.PREFIX + "adhoc_deadline";

  private AdhocRenderer() {}

  public static Pod pod(AdhocLaunch launch, KubernetesCluster cluster) {
    RunSpec run = launch.spec();
    String service = launch.ref().service();
    String instance = launch.ref().instance();
    String namespace = Namespaces.name(cluster, service, launch.effective());
    Map<String, String> labels =
        ObjectLabels.identity(
            service,
            instance,
            launch.ref().cluster(),
            run.labels().getOrDefault(Labels.GIT_SHA, ""),
            "default",
            "adhoc",
            false);
    labels = new TreeMap<>(labels);
    labels.put(RUN_ID, KubernetesNames.labelValue(launch.runId()));
    PodTemplateSpec template =
        PodTemplates.template(
            new PodInput(
                service,
                instance,
                namespace,
                ClusterImages.image(cluster, run),
                run,
                run.cmd(),
                OptionalInt.empty(),
                DrainMethod.NOOP,
                Map.of(),
                Map.of(),
                labels,
                cluster.dockerConfig().isPresent(),
                "Never"));
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(SERVICE, service);
    annotations.put(INSTANCE, instance);
    annotations.put(BY, launch.by());
    annotations.put(COMMAND, run.cmd().orElse(""));
    annotations.put(STARTED_AT, launch.startedAt().toString());
    annotations.put(DEADLINE, launch.deadline().toString());
    long seconds = Math.max(1, Duration.between(launch.startedAt(), launch.deadline()).toSeconds());
    return new PodBuilder()
        .withNewMetadata()
        .withName(
            KubernetesNames.sanitise(
                service + "-" + instance + "-" + launch.runId(), KubernetesNames.MAX_NAME))
        .withNamespace(namespace)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withSpec(template.getSpec())
        .editSpec()
        .withActiveDeadlineSeconds(seconds)
        .endSpec()
        .build();
  }
}

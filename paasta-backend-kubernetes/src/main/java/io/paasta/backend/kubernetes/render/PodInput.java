package io.paasta.backend.kubernetes.render;

import io.paasta.model.DrainMethod;
import io.paasta.planning.app.RunSpec;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a pod template is made of.
 *
 * @param namespace the Kubernetes namespace (secret names start with it)
 * @param image the full image name, from the cluster's registry
 * @param cmd the container's {@code sh -c} command (the run spec's, or a job's with {@code %%}
 *     written {@code %})
 * @param containerPort empty for a job's pod (no port, no probes)
 * @param effective the instance's effective config (cpu_burst_add, lifecycle)
 * @param labels the pod's labels
 * @param pullSecret whether pods name {@link SecretNames#IMAGE_PULL_SECRET}
 * @param restartPolicy {@code Always} (Deployment) or {@code Never} (Job)
 */
record PodInput(
    String service,
    String instance,
    String namespace,
    String image,
    RunSpec run,
    Optional<String> cmd,
    OptionalInt containerPort,
    DrainMethod drainMethod,
    Map<String, Object> drainParams,
    Map<String, Object> effective,
    Map<String, String> labels,
    boolean pullSecret,
    String restartPolicy) {}

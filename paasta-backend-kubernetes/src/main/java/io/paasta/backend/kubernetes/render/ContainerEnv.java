package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.paasta.model.SecretRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A container's env, sorted by name: the run spec's env (the user's over PAASTA_* and MARATHON_*)
 * with {@code SECRET(x)}/{@code SHARED_SECRET(x)} as {@code secretKeyRef}s; {@code MESOS_TASK_ID}
 * (the pod's name) and {@code HOST} (the node's name) unless the env sets them; {@code
 * PAASTA_POD_IP} from the downward API; the port variables ({@code PORT}, {@code PORT0}, {@code
 * PORTS}, {@code MARATHON_PORT}, {@code MARATHON_PORT0}) as {@code container_port}, which win over
 * the env as on the local backend.
 */
final class ContainerEnv {
  static final String POD_IP = "PAASTA_POD_IP";

  private ContainerEnv() {}

  static List<EnvVar> of(
      Map<String, String> runEnv, String namespace, String service, OptionalInt containerPort) {
    Map<String, EnvVar> vars = new TreeMap<>();
    runEnv.forEach((name, value) -> vars.put(name, variable(name, value, namespace, service)));
    vars.putIfAbsent("MESOS_TASK_ID", field("MESOS_TASK_ID", "metadata.name"));
    vars.putIfAbsent("HOST", field("HOST", "spec.nodeName"));
    vars.put(POD_IP, field(POD_IP, "status.podIP"));
    containerPort.ifPresent(
        port -> {
          for (String name : List.of("PORT", "PORT0", "PORTS", "MARATHON_PORT", "MARATHON_PORT0")) {
            vars.put(name, plain(name, String.valueOf(port)));
          }
        });
    return new ArrayList<>(vars.values());
  }

  private static EnvVar variable(String name, String value, String namespace, String service) {
    Optional<SecretRef> secret = SecretRef.parse(value);
    if (secret.isEmpty()) {
      return plain(name, value);
    }
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(SecretNames.secretName(namespace, service, secret.get()))
        .withKey(secret.get().name())
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }
}

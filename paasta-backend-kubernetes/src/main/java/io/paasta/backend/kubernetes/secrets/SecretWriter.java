package io.paasta.backend.kubernetes.secrets;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.paasta.backend.kubernetes.apply.ObjectWriter;
import io.paasta.model.SecretRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Writes managed Secrets and their signature ConfigMaps. A Secret is never read: its data is filled
 * from its source here, at the last moment, and the Secret is created or replaced as a whole. What
 * the API server answers is passed on with the value (and its base64) masked.
 */
public final class SecretWriter {
  static final String MASK = "<secret value>";

  private final KubernetesClient client;
  private final SecretValues values;

  public SecretWriter(KubernetesClient client, SecretSettings settings) {
    this.client = client;
    this.values = new SecretValues(settings);
  }

  /** Whether the change is one of this writer's: a Secret or a (signature) ConfigMap. */
  public static boolean handles(Action.ChangeObject change) {
    return change.kind().equals("Secret") || change.kind().equals("ConfigMap");
  }

  public void write(Action.ChangeObject change) {
    if (change.kind().equals("Secret")) {
      writeSecret(change);
    } else {
      writeSignature(change);
    }
  }

  private void writeSecret(Action.ChangeObject change) {
    if (change.verb() == Action.ObjectVerb.DELETE) {
      delete(change);
      return;
    }
    Secret secret = client.getKubernetesSerialization().unmarshal(change.body(), Secret.class);
    byte[] value;
    try {
      value = values.value(source(secret));
    } catch (SecretValues.Unavailable e) {
      throw new BackendException(change.object() + " not written: " + e.getMessage());
    }
    String encoded = Base64.getEncoder().encodeToString(value);
    secret.setData(Map.of(key(secret), encoded));
    try {
      client.resource(secret).createOr(NonDeletingOperation::update);
    } catch (KubernetesClientException e) {
      BackendException failure = ObjectWriter.failure(change, e);
      throw new BackendException(
          masked(failure.getMessage(), new String(value, StandardCharsets.UTF_8), encoded));
    }
  }

  private void writeSignature(Action.ChangeObject change) {
    if (change.verb() == Action.ObjectVerb.DELETE) {
      delete(change);
      return;
    }
    ConfigMap signature =
        client.getKubernetesSerialization().unmarshal(change.body(), ConfigMap.class);
    try {
      if (change.verb() == Action.ObjectVerb.CREATE) {
        client.resource(signature).create();
      } else {
        client.resource(signature).update();
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 && change.verb() == Action.ObjectVerb.CREATE) {
        return; // another instance of the service wrote it meanwhile; the next pass compares
      }
      throw ObjectWriter.failure(change, e);
    }
  }

  private void delete(Action.ChangeObject change) {
    try {
      if (change.kind().equals("Secret")) {
        client.secrets().inNamespace(change.namespace()).withName(change.name()).delete();
      } else {
        client.configMaps().inNamespace(change.namespace()).withName(change.name()).delete();
      }
    } catch (KubernetesClientException e) {
      throw ObjectWriter.failure(change, e);
    }
  }

  /** The source the planner put on the Secret. */
  private static ManagedSecret source(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    String source = annotations == null ? null : annotations.get(SecretObjects.SOURCE);
    ManagedSecret.Source from;
    if (SecretObjects.DOCKER_CONFIG_SOURCE.equals(source)) {
      from = new ManagedSecret.DockerConfig();
    } else {
      SecretRef ref =
          SecretRef.parse(source == null ? "" : source)
              .orElseThrow(
                  () ->
                      new BackendException(
                          "Secret "
                              + secret.getMetadata().getName()
                              + " names no source (annotation "
                              + SecretObjects.SOURCE
                              + ")"));
      from = new ManagedSecret.EnvSecret(annotations.get(SecretObjects.SOURCE_SERVICE), ref);
    }
    return new ManagedSecret(
        secret.getMetadata().getNamespace(),
        secret.getMetadata().getName(),
        secret.getType(),
        "",
        from);
  }

  private static String key(Secret secret) {
    if (SecretObjects.DOCKER_CONFIG_JSON.equals(secret.getType())) {
      return SecretObjects.DOCKER_CONFIG_KEY;
    }
    String source = secret.getMetadata().getAnnotations().get(SecretObjects.SOURCE);
    return SecretRef.parse(source).orElseThrow().name();
  }

  static String masked(String message, String... values) {
    String out = message == null ? "" : message;
    for (String value : values) {
      if (!value.isEmpty()) {
        out = out.replace(value, MASK);
      }
    }
    return out;
  }
}

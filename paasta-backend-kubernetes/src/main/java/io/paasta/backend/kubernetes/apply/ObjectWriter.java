package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import java.util.Locale;

/**
 * Carries out object changes against the API server: create, update (with the resource version the
 * plan read: a conflict when the object moved meanwhile), JSON merge patch, delete. No server-side
 * apply. A refusal becomes a {@link BackendException} that names the verb, the object and what to
 * do.
 */
public final class ObjectWriter {
  private final KubernetesClient client;

  public ObjectWriter(KubernetesClient client) {
    this.client = client;
  }

  public void write(Action.ChangeObject change) {
    HasMetadata object = client.getKubernetesSerialization().unmarshal(change.body());
    try {
      switch (change.verb()) {
        case CREATE -> client.resource(object).create();
        case UPDATE -> client.resource(object).update();
        case PATCH ->
            client.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), change.body());
        case DELETE -> client.resource(object).delete();
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 && change.verb() == Action.ObjectVerb.CREATE && shared(change)) {
        return; // another instance of the service created it meanwhile: that is what we wanted
      }
      throw failure(change, e);
    }
  }

  /** Objects several instances render alike (their service's namespace, SmartStack Services). */
  private static boolean shared(Action.ChangeObject change) {
    return change.kind().equals("Namespace") || change.kind().equals("Service");
  }

  /** The API server's answer as what was refused, why, and what to do. */
  public static BackendException failure(Action.ChangeObject change, KubernetesClientException e) {
    String verb = change.verb().name().toLowerCase(Locale.ROOT);
    String what = verb + " " + change.object();
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    String said =
        switch (e.getCode()) {
          case 409 ->
              what
                  + ": conflict: the object changed since it was read ("
                  + message
                  + "); the next pass reads it again and retries";
          case 403 ->
              message != null && message.contains("exceeded quota")
                  ? what + ": quota exceeded: " + message
                  : what
                      + ": forbidden: the daemon's account may not "
                      + verb
                      + " "
                      + resource(change)
                      + (change.namespace().isEmpty() ? "" : " in namespace " + change.namespace())
                      + " (grant it in the RBAC role, see examples/kubernetes/rbac.yaml): "
                      + message;
          case 422 -> what + ": refused as invalid: " + message;
          case 0 -> what + ": the API server did not answer (" + message + "); retrying";
          default -> what + ": the API server answered " + e.getCode() + ": " + message;
        };
    return new BackendException(said, e);
  }

  /** The RBAC resource of a kind: {@code deployments}, {@code poddisruptionbudgets}. */
  static String resource(Action.ChangeObject change) {
    String lower = change.kind().toLowerCase(Locale.ROOT);
    return lower.endsWith("s") ? lower + "es" : lower + "s";
  }
}

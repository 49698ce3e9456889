package io.paasta.backend.kubernetes.secrets;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Action.ObjectVerb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Secrets to write: those whose signature ConfigMap is missing or holds another signature.
 * Each write is the Secret (its data filled from its source when it is written, never in the plan)
 * followed by its ConfigMap, so that a crash between the two writes the Secret again next pass.
 * Pure.
 */
public final class SecretPlanner {
  private final KubernetesSerialization json;

  public SecretPlanner(KubernetesSerialization json) {
    this.json = json;
  }

  /**
   * @param observed the signature ConfigMaps of the namespace, by name
   * @return the Secrets to write (each once, however many env variables refer to it)
   */
  public List<ManagedSecret> stale(List<ManagedSecret> desired, Map<String, ConfigMap> observed) {
    Map<String, ManagedSecret> byName = new LinkedHashMap<>();
    desired.forEach(secret -> byName.putIfAbsent(secret.name(), secret));
    List<ManagedSecret> stale = new ArrayList<>();
    for (ManagedSecret secret : byName.values()) {
      Optional<String> written =
          Optional.ofNullable(observed.get(SecretObjects.signatureName(secret.name())))
              .flatMap(SecretObjects::signatureOf);
      if (!written.equals(Optional.of(secret.signature()))) {
        stale.add(secret);
      }
    }
    return stale;
  }

  /** The actions that write the stale Secrets and their signatures. */
  public List<Action> actions(List<ManagedSecret> stale, Map<String, ConfigMap> observed) {
    List<Action> actions = new ArrayList<>();
    for (ManagedSecret secret : stale) {
      ConfigMap current = observed.get(SecretObjects.signatureName(secret.name()));
      boolean fresh = current == null;
      String why = fresh ? "missing" : "its source changed (a new signature): written again";
      actions.add(
          new Action.ChangeObject(
              "Secret",
              secret.namespace(),
              secret.name(),
              fresh ? ObjectVerb.CREATE : ObjectVerb.UPDATE,
              fresh ? List.of() : List.of("data"),
              json.asJson(SecretObjects.shell(secret)),
              why));
      ConfigMap signature = SecretObjects.signature(secret);
      if (!fresh) {
        signature.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
      }
      actions.add(
          new Action.ChangeObject(
              "ConfigMap",
              secret.namespace(),
              signature.getMetadata().getName(),
              fresh ? ObjectVerb.CREATE : ObjectVerb.UPDATE,
              fresh ? List.of() : List.of("data.signature"),
              json.asJson(signature),
              fresh ? "missing" : "the signature of Secret " + secret.name() + " changed"));
    }
    return actions;
  }
}

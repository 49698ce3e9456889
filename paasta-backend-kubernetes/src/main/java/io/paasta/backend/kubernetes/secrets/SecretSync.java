package io.paasta.backend.kubernetes.secrets;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.paasta.backend.kubernetes.apply.InstanceObjects;
import io.paasta.backend.kubernetes.apply.ObjectPlanner;
import io.paasta.backend.kubernetes.render.SecretNames;
import io.paasta.model.SecretRef;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An instance's Secrets in its plan (SPEC sections 14 and 15): a Secret {@code
 * <namespace>-secret-<service>-<name>} per {@code SECRET(name)}/{@code SHARED_SECRET(name)} of its
 * env and the namespace's image pull secret, each written when its signature ConfigMap says it is
 * missing or old, after the namespace's creation and before the Deployment that refers to them.
 * Before a changed secret is planned it is decrypted once (and the plain text dropped): when it
 * cannot be, nothing of the instance changes (its objects stay the last good ones) and the status
 * says why. A docker config that cannot be read leaves the pull secret as it is and says so in the
 * status; the instance's other changes go on.
 */
public final class SecretSync {
  private final SecretSettings settings;
  private final SecretPlanner planner;
  private final SecretValues values;

  public SecretSync(SecretSettings settings, KubernetesSerialization json) {
    this.settings = settings;
    this.planner = new SecretPlanner(json);
    this.values = new SecretValues(settings);
  }

  /**
   * Whether the instance has no Secret to keep: no {@code SECRET(...)} in its env and no image pull
   * secret configured (then its plan reads nothing but its objects and desired state).
   */
  public boolean none(DesiredInstance desired) {
    return settings.dockerConfig().isEmpty()
        && desired.run().env().values().stream().noneMatch(v -> SecretRef.parse(v).isPresent());
  }

  /**
   * @param namespace where the instance's objects go
   * @param observed the namespace's objects as the informers hold them
   * @param signatures the namespace's signature ConfigMaps
   * @param objects the plan of the instance's other objects
   */
  public Plan plan(
      DesiredInstance desired,
      String namespace,
      InstanceObjects observed,
      List<ConfigMap> signatures,
      Plan objects) {
    if (observed.namespace().filter(ObjectPlanner::terminating).isPresent()) {
      return objects; // its objects wait for the namespace to go
    }
    Map<String, ConfigMap> byName =
        signatures.stream()
            .collect(
                Collectors.toMap(c -> c.getMetadata().getName(), Function.identity(), (a, b) -> a));
    List<String> notes = new ArrayList<>();
    List<ManagedSecret> desiredSecrets = envSecrets(desired, namespace);
    pullSecret(namespace, notes).ifPresent(desiredSecrets::add);
    List<ManagedSecret> stale = new ArrayList<>();
    for (ManagedSecret secret : planner.stale(desiredSecrets, byName)) {
      Optional<String> problem = unreadable(secret);
      if (problem.isPresent() && secret.source() instanceof ManagedSecret.EnvSecret) {
        return new Plan(
            List.of(),
            false,
            Optional.empty(),
            objects.status()
                + "; nothing changed: Secret "
                + secret.object()
                + " cannot be written: "
                + problem.get());
      }
      problem.ifPresentOrElse(
          p -> notes.add("the image pull secret " + secret.object() + " is left as it is: " + p),
          () -> stale.add(secret));
    }
    List<Action> secretActions = planner.actions(stale, byName);
    String status =
        notes.isEmpty() ? objects.status() : objects.status() + "; " + String.join("; ", notes);
    if (secretActions.isEmpty() && notes.isEmpty()) {
      return objects;
    }
    return new Plan(
        merged(objects.actions(), secretActions),
        objects.steady() && secretActions.isEmpty(),
        secretActions.isEmpty() ? objects.recheckAfter() : recheck(objects),
        status);
  }

  /** The namespace's creation first, then the Secrets, then the rest. */
  private static List<Action> merged(List<Action> objects, List<Action> secrets) {
    List<Action> all = new ArrayList<>();
    objects.stream().filter(SecretSync::namespaceChange).forEach(all::add);
    all.addAll(secrets);
    objects.stream().filter(a -> !namespaceChange(a)).forEach(all::add);
    return all;
  }

  private static boolean namespaceChange(Action action) {
    return action instanceof Action.ChangeObject change && change.kind().equals("Namespace");
  }

  private static Optional<java.time.Duration> recheck(Plan objects) {
    return Optional.of(
        objects.recheckAfter().orElse(io.paasta.planning.InstancePlanner.PROGRESS_RECHECK));
  }

  private List<ManagedSecret> envSecrets(DesiredInstance desired, String namespace) {
    String service = desired.ref().service();
    List<ManagedSecret> secrets = new ArrayList<>();
    for (String value : new java.util.TreeMap<>(desired.run().env()).values()) {
      SecretRef.parse(value)
          .ifPresent(
              ref ->
                  secrets.add(
                      new ManagedSecret(
                          namespace,
                          SecretNames.secretName(namespace, service, ref),
                          SecretObjects.OPAQUE,
                          settings.resolver().signature(service, ref).orElse(""),
                          new ManagedSecret.EnvSecret(service, ref))));
    }
    return secrets;
  }

  private Optional<ManagedSecret> pullSecret(String namespace, List<String> notes) {
    if (settings.dockerConfig().isEmpty()) {
      return Optional.empty();
    }
    DockerConfigFile file = settings.dockerConfig().get();
    try {
      return Optional.of(
          new ManagedSecret(
              namespace,
              SecretNames.IMAGE_PULL_SECRET,
              SecretObjects.DOCKER_CONFIG_JSON,
              file.signature(),
              new ManagedSecret.DockerConfig()));
    } catch (DockerConfigFile.DockerConfigException e) {
      notes.add(
          "the image pull secret "
              + namespace
              + "/"
              + SecretNames.IMAGE_PULL_SECRET
              + " is left as it is: "
              + e.getMessage());
      return Optional.empty();
    }
  }

  /** Why the secret's value cannot be had now, if it cannot (never the value). */
  private Optional<String> unreadable(ManagedSecret secret) {
    try {
      values.value(secret);
      return Optional.empty();
    } catch (SecretValues.Unavailable e) {
      return Optional.of(e.getMessage());
    }
  }
}

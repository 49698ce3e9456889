package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.planning.plan.Action;
import java.util.List;

/**
 * Creates a managed namespace when it is missing, for objects made outside an instance's plan (a
 * job's attempt, a remote-run): one that exists (409) is no error.
 */
public final class NamespaceCreator {
  private NamespaceCreator() {}

  /**
   * @throws io.paasta.planning.backend.BackendException naming the verb and resource when refused
   */
  public static void ensure(KubernetesClient client, String namespace, String why) {
    try {
      client
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(namespace)
                  .withLabels(ObjectLabels.managed())
                  .endMetadata()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw ObjectWriter.failure(
            new Action.ChangeObject(
                "Namespace", "", namespace, Action.ObjectVerb.CREATE, List.of(), "", why),
            e);
      }
    }
  }
}

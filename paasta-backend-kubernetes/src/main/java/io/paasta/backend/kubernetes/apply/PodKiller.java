package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills an instance's tasks at once (an emergency restart): each named pod is deleted, with its
 * termination grace period and preStop hook, and its ReplicaSet starts a new one right away. The
 * Deployment is not touched, so nothing rolls out: no surge, no wait for readiness (what {@code
 * kubectl rollout restart}'s {@code restartedAt} annotation would do is a bounce). A pod already
 * gone is no error: only the instance's own pods (as the informers hold them) are ever deleted.
 */
public final class PodKiller {
  private static final Logger LOG = LoggerFactory.getLogger(PodKiller.class);

  private final KubernetesClient client;

  public PodKiller(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @param pods the instance's pods as the informers hold them
   * @throws BackendException naming the pod the API server refused to delete (verb, resource, what
   *     to do)
   */
  public void kill(InstanceRef ref, List<Pod> pods, Action.KillTasks kill) {
    Map<String, Pod> byName = new HashMap<>();
    pods.forEach(pod -> byName.put(pod.getMetadata().getName(), pod));
    for (String task : kill.taskIds()) {
      Pod pod = byName.get(task);
      if (pod == null) {
        LOG.info("{}: task {} is no pod of this instance any more: nothing to kill", ref, task);
        continue;
      }
      String namespace = pod.getMetadata().getNamespace();
      try {
        client.pods().inNamespace(namespace).withName(task).delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw ObjectWriter.failure(
              new Action.ChangeObject(
                  "Pod", namespace, task, Action.ObjectVerb.DELETE, List.of(), "", kill.reason()),
              e);
        }
      }
      LOG.info("{}: deleted pod {}/{} ({})", ref, namespace, task, kill.reason());
    }
  }
}

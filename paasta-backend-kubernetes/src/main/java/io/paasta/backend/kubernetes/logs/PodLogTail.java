package io.paasta.backend.kubernetes.logs;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasta.planning.backend.BackendException;
import java.util.List;

/** The last lines of a pod's log through {@code pods/log} (a job attempt's, a remote-run's). */
public final class PodLogTail {
  private PodLogTail() {}

  /**
   * @return its last {@code lines} lines, oldest first
   * @throws BackendException naming the pod and the API server's answer when it cannot be read
   */
  public static List<String> of(KubernetesClient client, Pod pod, int lines) {
    try {
      String log =
          client
              .pods()
              .inNamespace(pod.getMetadata().getNamespace())
              .withName(pod.getMetadata().getName())
              .tailingLines(lines)
              .getLog();
      return log == null || log.isEmpty() ? List.of() : List.of(log.split("\n"));
    } catch (KubernetesClientException e) {
      throw new BackendException(
          "reading the log of pod "
              + pod.getMetadata().getNamespace()
              + "/"
              + pod.getMetadata().getName()
              + " failed ("
              + e.getCode()
              + "): "
              + e.getMessage(),
          e);
    }
  }
}

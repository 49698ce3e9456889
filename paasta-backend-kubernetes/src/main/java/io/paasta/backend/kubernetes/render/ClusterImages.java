package io.paasta.backend.kubernetes.render;

import io.paasta.model.KubernetesCluster;
import io.paasta.planning.app.RunSpec;

/**
 * The image a Kubernetes cluster pulls: its registry + the image deployments.json names ({@code
 * services-<svc>:paasta-<sha>}, which the run spec's env carries as {@code PAASTA_DOCKER_IMAGE}).
 */
final class ClusterImages {
  static final String DOCKER_IMAGE_ENV = "PAASTA_DOCKER_IMAGE";

  private ClusterImages() {}

  static String image(KubernetesCluster cluster, RunSpec run) {
    String deployed = run.env().get(DOCKER_IMAGE_ENV);
    if (deployed == null) {
      return run.image();
    }
    return cluster.registry() + "/" + deployed;
  }
}

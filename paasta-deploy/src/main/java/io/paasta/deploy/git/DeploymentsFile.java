package io.paasta.deploy.git;

import io.paasta.model.Deployments;
import java.util.Map;

/**
 * The content of deployments.json: v2 (per deploy group, and per-instance controls) and v1 (one
 * entry per deployed instance, {@code <svc>:paasta-<cluster>.<instance>}), which PaaSTA kept for
 * older readers.
 */
public record DeploymentsFile(Map<String, V1Entry> v1, Deployments v2) {
  public DeploymentsFile {
    v1 = Map.copyOf(v1);
  }

  /** One v1 entry. */
  public record V1Entry(String dockerImage, Deployments.Control control) {}
}

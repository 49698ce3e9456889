package io.paasta.config.validate;

import io.paasta.model.ServiceInstance;

/**
 * What rules about one service need to know of others: services, jobs (for parents) and namespaces.
 */
public interface TreeIndex {
  /** Whether {@code job} is a job of {@code chronos-<cluster>.yaml} of its service. */
  boolean jobExists(ServiceInstance job, String cluster);

  /** Whether the tree has a folder for {@code service}. */
  boolean serviceExists(String service);

  /** Whether {@code namespace} is a namespace of its service's smartstack.yaml. */
  boolean namespaceExists(ServiceInstance namespace);
}

package io.paasta.config.validate;

import io.paasta.model.ServiceInstance;
import java.util.List;

/**
 * What rules about one service need to know of others: services, jobs (for parents) and namespaces.
 */
public interface TreeIndex {
  /** Whether {@code job} is a job of {@code chronos-<cluster>.yaml} of its service. */
  boolean jobExists(ServiceInstance job, String cluster);

  /**
   * The parents {@code job} names in {@code chronos-<cluster>.yaml} of its service, as written
   * (names that are no {@code service.instance} left out); empty when it has none or does not
   * exist.
   */
  default List<ServiceInstance> parentsOf(ServiceInstance job, String cluster) {
    return List.of();
  }

  /** Whether the tree has a folder for {@code service}. */
  boolean serviceExists(String service);

  /** Whether {@code namespace} is a namespace of its service's smartstack.yaml. */
  boolean namespaceExists(ServiceInstance namespace);
}

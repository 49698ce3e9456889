package io.paasta.config.soa;

import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.util.Optional;

/** Finds a SmartStack namespace, possibly of another service (registrations may cross services). */
@FunctionalInterface
public interface NamespaceLookup {
  Optional<NamespaceConfig> find(ServiceInstance namespace);
}

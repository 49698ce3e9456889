package io.paasta.server.status;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last status of every instance, and the config problems of every service. Thread-safe. */
public final class StatusRegistry {
  private final Map<InstanceRef, InstanceStatus> instances = new ConcurrentHashMap<>();
  private final Map<String, List<String>> serviceProblems = new ConcurrentHashMap<>();

  public void record(InstanceStatus status) {
    instances.put(status.ref(), status);
  }

  public void forget(InstanceRef ref) {
    instances.remove(ref);
  }

  public Optional<InstanceStatus> of(InstanceRef ref) {
    return Optional.ofNullable(instances.get(ref));
  }

  public List<InstanceStatus> all() {
    return List.copyOf(instances.values());
  }

  public void serviceProblems(String service, List<String> problems) {
    if (problems.isEmpty()) {
      serviceProblems.remove(service);
    } else {
      serviceProblems.put(service, List.copyOf(problems));
    }
  }

  public Map<String, List<String>> serviceProblems() {
    return Map.copyOf(serviceProblems);
  }
}

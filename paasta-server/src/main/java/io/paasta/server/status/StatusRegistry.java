package io.paasta.server.status;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last status of every instance, the backoff of those whose passes fail, and the config
 * problems of every service. Thread-safe.
 */
public final class StatusRegistry {
  private final Map<InstanceRef, InstanceStatus> instances = new ConcurrentHashMap<>();
  private final Map<InstanceRef, PassBackoff> backoffs = new ConcurrentHashMap<>();
  private final Map<String, List<String>> serviceProblems = new ConcurrentHashMap<>();

  public void record(InstanceStatus status) {
    instances.put(status.ref(), status);
  }

  public void forget(InstanceRef ref) {
    instances.remove(ref);
    backoffs.remove(ref);
  }

  /** Records that the instance's passes are failing (replaces its earlier backoff). */
  public void backoff(PassBackoff backoff) {
    backoffs.put(backoff.ref(), backoff);
  }

  /** The instance's passes succeed again (or its backoff is to be ended). */
  public void endBackoff(InstanceRef ref) {
    backoffs.remove(ref);
  }

  /** Ends every backoff: the next pass of each instance acts at once. */
  public void endAllBackoffs() {
    backoffs.clear();
  }

  /** The backoff of an instance whose last passes failed; empty when the last one succeeded. */
  public Optional<PassBackoff> backoffOf(InstanceRef ref) {
    return Optional.ofNullable(backoffs.get(ref));
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

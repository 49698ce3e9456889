package io.paasta.planning.observed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a declarative engine (Kubernetes) tells of an instance beyond its tasks, for {@code paasta
 * status}: its state in the engine's words, its versions (one ReplicaSet each) and each replica's
 * state (SPEC section 14).
 *
 * @param state {@code Running}, {@code Launching replicas}, {@code Bouncing to <sha8>}, {@code
 *     Stopping} or {@code Stopped}
 * @param versions newest first
 * @param replicas the pods, by version (newest first) then name
 */
public record InstanceDetail(String state, List<Version> versions, List<Replica> replicas) {
  public InstanceDetail {
    versions = List.copyOf(versions);
    replicas = List.copyOf(replicas);
  }

  /**
   * One version of the instance (a ReplicaSet).
   *
   * @param name the ReplicaSet's name
   * @param ready its pods that are ready
   * @param replicas how many pods it is meant to have
   */
  public record Version(
      String name,
      String gitSha,
      String configSha,
      Optional<Instant> created,
      int ready,
      int replicas) {}

  /**
   * One replica (a pod).
   *
   * @param version the name of its version (ReplicaSet); empty when it matches none
   * @param state Healthy, Warming Up, Not Ready, Unscheduled, Evicted, Failed, Terminating or OOM
   *     killed
   * @param detail what explains the state (the scheduler's message, restarts); empty when nothing
   */
  public record Replica(
      String name,
      String version,
      String gitSha,
      String state,
      String detail,
      Optional<Instant> started) {}
}

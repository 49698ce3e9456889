package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a Kubernetes cluster's API adds to an instance's section: its state, its versions (one
 * ReplicaSet each, newest first) and its replicas (pods) with their states. Read tolerantly.
 *
 * @param state {@code Running}, {@code Launching replicas}, {@code Bouncing to <sha8>}, {@code
 *     Stopping} or {@code Stopped}
 */
public record EngineStatus(String state, List<Version> versions, List<Replica> replicas) {
  public EngineStatus {
    versions = List.copyOf(versions);
    replicas = List.copyOf(replicas);
  }

  /** One ReplicaSet. */
  public record Version(
      String name,
      String gitSha,
      String configSha,
      Optional<Instant> created,
      int ready,
      int replicas) {}

  /** One pod: its state (Healthy, Unscheduled, OOM killed...) and what explains it. */
  public record Replica(
      String name,
      String version,
      String gitSha,
      String state,
      String detail,
      Optional<Instant> startedAt) {}

  /** Present when the section carries a {@code state} (a Kubernetes cluster's API sends one). */
  static Optional<EngineStatus> from(JsonNode section) {
    return JsonFields.text(section, "state")
        .map(
            state ->
                new EngineStatus(
                    state,
                    JsonFields.array(section, "versions").stream()
                        .map(
                            v ->
                                new Version(
                                    JsonFields.text(v, "name", ""),
                                    JsonFields.text(v, "git_sha", ""),
                                    JsonFields.text(v, "config_sha", ""),
                                    JsonFields.instant(v, "created"),
                                    JsonFields.integer(v, "ready_replicas", 0),
                                    JsonFields.integer(v, "replicas", 0)))
                        .toList(),
                    JsonFields.array(section, "replicas").stream()
                        .map(
                            r ->
                                new Replica(
                                    JsonFields.text(r, "name", ""),
                                    JsonFields.text(r, "version", ""),
                                    JsonFields.text(r, "git_sha", ""),
                                    JsonFields.text(r, "state", ""),
                                    JsonFields.text(r, "detail", ""),
                                    JsonFields.instant(r, "started_at")))
                        .toList()));
  }
}

package io.paasta.server.api;

import io.paasta.planning.observed.InstanceDetail;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Kubernetes instance's status adds to its {@code kubernetes} (or {@code marathon}) section:
 * {@code state}, {@code versions} ({@code [{name, git_sha, config_sha, created, ready_replicas,
 * replicas}]}, newest first) and {@code replicas} ({@code [{name, version, git_sha, state, detail,
 * started_at}]}).
 */
final class InstanceDetailDocument {
  private InstanceDetailDocument() {}

  static Map<String, Object> of(InstanceDetail detail) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("state", detail.state());
    json.put("versions", detail.versions().stream().map(InstanceDetailDocument::version).toList());
    json.put("replicas", detail.replicas().stream().map(InstanceDetailDocument::replica).toList());
    return json;
  }

  private static Map<String, Object> version(InstanceDetail.Version version) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", version.name());
    json.put("git_sha", version.gitSha());
    json.put("config_sha", version.configSha());
    json.put("created", version.created().map(Instant::toString).orElse(null));
    json.put("ready_replicas", version.ready());
    json.put("replicas", version.replicas());
    return json;
  }

  private static Map<String, Object> replica(InstanceDetail.Replica replica) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", replica.name());
    json.put("version", replica.version());
    json.put("git_sha", replica.gitSha());
    json.put("state", replica.state());
    json.put("detail", replica.detail());
    json.put("started_at", replica.started().map(Instant::toString).orElse(null));
    return json;
  }

  /** Adds {@link #of} to the status document's {@code section} (the instance's file kind). */
  @SuppressWarnings("unchecked")
  static void addTo(Map<String, Object> status, String section, InstanceDetail detail) {
    if (status.get(section) instanceof Map<?, ?> app) {
      ((Map<String, Object>) app).putAll(of(detail));
    }
  }
}

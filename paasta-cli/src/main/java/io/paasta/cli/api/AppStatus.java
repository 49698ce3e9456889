package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The {@code marathon} or {@code kubernetes} section of an instance's status: its apps and tasks.
 *
 * @param backend {@code marathon} or {@code kubernetes}: which key the section came under
 * @param appCount how many apps (versions) of the instance exist; more than one means a bounce
 * @param deployStatus Running, Deploying, Stopped, Delayed, Waiting or NotRunning
 * @param passBackoff the backoff of the daemon's failing passes; empty when the last one succeeded
 * @param engine on a Kubernetes cluster: the state, versions and replicas the API adds
 */
public record AppStatus(
    String backend,
    Optional<String> desiredState,
    int appCount,
    Optional<String> appId,
    Optional<String> bounceMethod,
    String deployStatus,
    int runningInstanceCount,
    int healthyInstanceCount,
    int expectedInstanceCount,
    Optional<String> errorMessage,
    List<String> configProblems,
    Optional<PassBackoff> passBackoff,
    Optional<EngineStatus> engine) {

  public AppStatus {
    configProblems = List.copyOf(configProblems);
  }

  static AppStatus from(String backend, JsonNode json) {
    int running = JsonFields.integer(json, "running_instance_count", 0);
    return new AppStatus(
        backend,
        JsonFields.text(json, "desired_state"),
        JsonFields.integer(json, "app_count", 0),
        JsonFields.text(json, "app_id").filter(s -> !s.isBlank()),
        JsonFields.text(json, "bounce_method").filter(s -> !s.isBlank()),
        JsonFields.text(json, "deploy_status", "NotRunning"),
        running,
        JsonFields.integer(json, "healthy_instance_count", running),
        JsonFields.integer(json, "expected_instance_count", 0),
        JsonFields.text(json, "error_message").filter(s -> !s.isBlank()),
        JsonFields.texts(json, "config_problems"),
        PassBackoff.from(json),
        EngineStatus.from(json));
  }

  /** The section's name as PaaSTA printed it: {@code Marathon} or {@code Kubernetes}. */
  public String label() {
    return backend.isEmpty()
        ? backend
        : Character.toUpperCase(backend.charAt(0)) + backend.substring(1);
  }
}

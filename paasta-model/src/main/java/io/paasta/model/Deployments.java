package io.paasta.model;

import java.util.Map;
import java.util.Optional;

/**
 * deployments.json (SPEC section 3): which image each deploy group runs, and each instance's
 * desired state. Only the v2 part is modelled; v1 is derived from it when written.
 */
public record Deployments(
    Map<String, DeployGroupDeployment> deployments, Map<String, Control> controls) {

  public Deployments {
    deployments = Map.copyOf(deployments);
    controls = Map.copyOf(controls);
  }

  public static Deployments empty() {
    return new Deployments(Map.of(), Map.of());
  }

  public Optional<DeployGroupDeployment> forDeployGroup(String deployGroup) {
    return Optional.ofNullable(deployments.get(deployGroup));
  }

  /** The control of {@code <svc>:<cluster>.<instance>}; start with no forced bounce when absent. */
  public Control controlFor(String service, String cluster, String instance) {
    return controls.getOrDefault(controlKey(service, cluster, instance), Control.DEFAULT);
  }

  public static String controlKey(String service, String cluster, String instance) {
    return service + ":" + cluster + "." + instance;
  }

  /** What a deploy group runs. */
  public record DeployGroupDeployment(String dockerImage, String gitSha) {}

  /** Desired state of one instance, and the timestamp of the last restart. */
  public record Control(DesiredState desiredState, Optional<String> forceBounce) {
    public static final Control DEFAULT = new Control(DesiredState.START, Optional.empty());
  }
}

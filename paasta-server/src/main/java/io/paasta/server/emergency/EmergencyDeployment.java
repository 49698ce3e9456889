package io.paasta.server.emergency;

import io.paasta.model.Deployments;
import io.paasta.model.InstanceConfig;
import java.util.Optional;

/**
 * What an instance's deployment is, as one string: its deploy group's image and sha and its control
 * (desired state and the timestamp of its last start/stop tag). An emergency stop lasts while this
 * stays the same: a newer deploy, start or stop tag changes it. Pure.
 */
public final class EmergencyDeployment {
  private EmergencyDeployment() {}

  public static String of(InstanceConfig config, Optional<Deployments> deployments) {
    if (deployments.isEmpty()) {
      return "not deployed";
    }
    var ref = config.ref();
    Deployments.Control control =
        deployments.get().controlFor(ref.service(), ref.cluster(), ref.instance());
    String image =
        deployments
            .get()
            .forDeployGroup(config.deployGroup())
            .map(d -> d.dockerImage() + "@" + d.gitSha())
            .orElse("no image");
    return image
        + " "
        + control.desiredState().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + control.forceBounce().orElse("-");
  }
}

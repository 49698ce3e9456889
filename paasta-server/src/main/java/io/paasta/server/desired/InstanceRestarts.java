package io.paasta.server.desired;

import io.paasta.model.Deployments;
import io.paasta.model.InstanceRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Restarts asked of the daemon itself (the API's {@code POST .../restart}, the dashboard's button):
 * each adds a mark to the instance's {@code force_bounce}, so its config hash changes and it
 * bounces by its bounce method, as {@code paasta restart} does through deployments.json. The mark
 * stays (it is kept across daemon restarts), so the instance does not bounce back.
 */
public interface InstanceRestarts {
  /** The mark of the instance's newest restart; empty when none was asked. */
  Optional<String> of(InstanceRef ref);

  InstanceRestarts NONE = ref -> Optional.empty();

  /** deployments.json as the daemon acts on it: the instance's force_bounce with its mark. */
  static Deployments applied(Deployments deployments, InstanceRef ref, String mark) {
    Deployments.Control control =
        deployments.controlFor(ref.service(), ref.cluster(), ref.instance());
    Map<String, Deployments.Control> controls = new HashMap<>(deployments.controls());
    controls.put(
        Deployments.controlKey(ref.service(), ref.cluster(), ref.instance()),
        new Deployments.Control(
            control.desiredState(),
            Optional.of(control.forceBounce().orElse("") + "+restart-" + mark)));
    return new Deployments(deployments.deployments(), controls);
  }
}

package io.paasta.cli.localrun;

import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.model.Healthcheck;
import io.paasta.model.InstanceRef;

/**
 * One local-run container: what the engine is told (as the daemon tells it for a task, except the
 * labels that would make the daemon adopt it), and the health check local-run applies.
 *
 * @param appId the app id the daemon would give this config ({@code MARATHON_APP_ID})
 * @param healthcheck the instance's health check; mode none when it is off (-k, -I)
 */
public record LocalContainer(
    InstanceRef ref, String appId, ContainerSpec spec, Healthcheck healthcheck) {

  /** The host port the task listens on ({@code PORT0}). */
  public int port0() {
    return spec.ports().get(0);
  }

  public String name() {
    return spec.name();
  }

  public String image() {
    return spec.image();
  }
}

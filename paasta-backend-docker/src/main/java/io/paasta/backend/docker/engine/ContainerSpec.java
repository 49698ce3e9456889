package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine is told when a task's container is created.
 *
 * @param env {@code NAME=value} entries
 */
public record ContainerSpec(
    String name,
    String image,
    TaskCommand command,
    List<String> env,
    Map<String, String> labels,
    HostConfig hostConfig,
    List<Integer> ports) {

  public ContainerSpec {
    env = List.copyOf(env);
    labels = Map.copyOf(labels);
    ports = List.copyOf(ports);
  }

  /** The same container with other labels. */
  public ContainerSpec withLabels(Map<String, String> otherLabels) {
    return new ContainerSpec(name, image, command, env, otherLabels, hostConfig, ports);
  }

  /** The same container with other env entries ({@code NAME=value}). */
  public ContainerSpec withEnv(List<String> otherEnv) {
    return new ContainerSpec(name, image, command, otherEnv, labels, hostConfig, ports);
  }

  public Optional<List<String>> entrypoint() {
    return command.entrypoint();
  }

  public Optional<List<String>> cmd() {
    return command.cmd();
  }

  /** Without the env's values: they may hold decrypted secrets. */
  @Override
  public String toString() {
    return "ContainerSpec[name="
        + name
        + ", image="
        + image
        + ", env="
        + env.stream().map(e -> e.substring(0, Math.max(0, e.indexOf('='))) + "=...").toList()
        + ", labels="
        + labels
        + ", ports="
        + ports
        + "]";
  }
}

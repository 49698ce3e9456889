package io.paasta.deploy.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The containers a test cluster's daemon made on the real engine, found by their labels ({@code
 * paasta_cluster}, {@code paasta_instance}, {@code paasta_app_id}).
 */
public final class ClusterContainers {
  private final DockerClient docker;
  private final String cluster;

  public ClusterContainers(DockerClient docker, String cluster) {
    this.docker = docker;
    this.cluster = cluster;
  }

  /** Every container of the cluster, exited ones too. */
  public List<Container> all() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("paasta_cluster", cluster))
        .exec();
  }

  /** The running containers of one instance. */
  public List<Container> running(String instance) {
    return all().stream()
        .filter(c -> instance.equals(c.getLabels().get("paasta_instance")))
        .filter(c -> "running".equals(c.getState()))
        .toList();
  }

  /** The container's environment, {@code NAME=value} each. */
  public List<String> env(Container container) {
    String[] env = docker.inspectContainerCmd(container.getId()).exec().getConfig().getEnv();
    return env == null ? List.of() : List.of(env);
  }

  /**
   * Waits (at most {@code wait}) until the instance runs exactly one container whose environment
   * holds every entry ({@code NAME=value}); returns its app id.
   */
  public String untilOneRunningWith(String instance, Duration wait, String... entries)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    String last = "nothing listed yet";
    while (Instant.now().isBefore(deadline)) {
      try {
        List<Container> running = running(instance);
        if (running.size() == 1 && env(running.get(0)).containsAll(Arrays.asList(entries))) {
          return running.get(0).getLabels().get("paasta_app_id");
        }
        last = running.size() + " running";
      } catch (RuntimeException e) {
        last = e.toString(); // a container gone between the listing and its inspection
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        instance
            + " of "
            + cluster
            + " ran no one container with "
            + Arrays.toString(entries)
            + " within "
            + wait
            + " (last: "
            + last
            + ")");
  }

  /** Removes every container of the cluster (a test's clean-up). */
  public void removeAll() {
    for (Container container : all()) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}

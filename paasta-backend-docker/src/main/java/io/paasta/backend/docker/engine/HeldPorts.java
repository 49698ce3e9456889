package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.paasta.planning.app.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host ports that containers on the engine hold, so that no new task is given one: those of
 * every managed task (of any cluster) and of every {@code paasta local-run} container, created or
 * running (an exited one holds none). Read from labels, so a container counts the moment it is
 * created, before it listens.
 */
public final class HeldPorts {
  private HeldPorts() {}

  public static Set<Integer> on(DockerClient docker) {
    Set<Integer> held = new HashSet<>();
    for (String label : List.of(Labels.MANAGED, Labels.LOCAL_RUN)) {
      List<Container> containers =
          docker
              .listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(Map.of(label, "true"))
              .exec();
      for (Container container : containers) {
        if (!List.of("exited", "dead").contains(container.getState())) {
          held.addAll(TaskLabels.ports(container.getLabels()));
        }
      }
    }
    return held;
  }
}

package io.paasta.cli.render;

import io.paasta.backend.kubernetes.render.InstanceRenderer;
import io.paasta.backend.kubernetes.render.JobRenderer;
import io.paasta.backend.kubernetes.render.RenderException;
import io.paasta.backend.kubernetes.render.RenderedYaml;
import io.paasta.cli.UserException;
import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.model.Deployments;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.Service;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.app.DesiredJobFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code paasta render} prints for a service in one cluster: each long-running instance and
 * scheduled job rendered by the Kubernetes backend's renderer, in file order (long-running first),
 * and why an instance could not be rendered. Pure: the service, system config and cluster are
 * given.
 *
 * @param rendered the objects of the instances that rendered
 * @param problems one line per instance that did not, naming it and saying what to do
 */
public record ServiceRendering(RenderedYaml rendered, List<String> problems) {
  public ServiceRendering {
    problems = List.copyOf(problems);
  }

  /**
   * @param instances the instances to render (empty: all of the cluster's)
   * @param gitSha render instances whose deploy group has no deployment as if it ran this sha
   * @throws UserException when the cluster or an instance is not the service's
   */
  public static ServiceRendering of(
      Service service,
      SystemConfig system,
      KubernetesCluster cluster,
      List<String> instances,
      Optional<String> gitSha) {
    List<InstanceConfig> selected = select(service, cluster.name(), instances);
    Optional<Deployments> deployments = withSha(service, selected, gitSha);
    RenderedYaml yaml = new RenderedYaml();
    List<String> problems = new ArrayList<>();
    for (InstanceConfig config : selected) {
      String title =
          config.ref().service() + "." + config.ref().instance() + " in " + cluster.name();
      if (deployments.flatMap(d -> d.forDeployGroup(config.deployGroup())).isEmpty()) {
        problems.add(notDeployed(title, config));
        continue;
      }
      try {
        if (config instanceof LongRunningConfig longRunning) {
          DesiredInstance desired =
              DesiredInstanceFactory.create(
                      longRunning, deployments, system, service.config(), OptionalInt.empty())
                  .orElseThrow();
          yaml.add(
              title, InstanceRenderer.render(desired, longRunning, cluster, service.namespaces()));
        } else if (config instanceof JobConfig job) {
          yaml.add(
              title,
              JobRenderer.render(
                  DesiredJobFactory.create(
                      job, deployments, system, service.config(), ScheduleTimes.of(job)),
                  job,
                  cluster));
        }
      } catch (RenderException e) {
        problems.add(e.getMessage());
      }
    }
    return new ServiceRendering(yaml, problems);
  }

  private static String notDeployed(String title, InstanceConfig config) {
    return title
        + ": not deployed (deploy group "
        + config.deployGroup()
        + " has no entry in deployments.json) - pass --git-sha SHA to render it as if SHA were"
        + " deployed";
  }

  /** The long-running instances and jobs of the cluster, narrowed to {@code instances}. */
  static List<InstanceConfig> select(Service service, String cluster, List<String> instances) {
    List<InstanceConfig> inCluster = new ArrayList<>();
    for (InstanceConfig config : service.instancesIn(cluster)) {
      if (config instanceof LongRunningConfig) {
        inCluster.add(config);
      }
    }
    for (InstanceConfig config : service.instancesIn(cluster)) {
      if (config instanceof JobConfig) {
        inCluster.add(config);
      }
    }
    if (inCluster.isEmpty()) {
      List<String> clusters = service.clusters();
      throw new UserException(
          service.name()
              + " has no long-running instances or jobs in cluster "
              + cluster
              + " - its clusters: "
              + (clusters.isEmpty() ? "none" : String.join(", ", clusters)));
    }
    List<String> known = inCluster.stream().map(i -> i.ref().instance()).toList();
    for (String instance : instances) {
      if (!known.contains(instance)) {
        throw new UserException(
            "no instance "
                + instance
                + " of "
                + service.name()
                + " in "
                + cluster
                + " - its instances: "
                + String.join(", ", known));
      }
    }
    return inCluster.stream()
        .filter(i -> instances.isEmpty() || instances.contains(i.ref().instance()))
        .toList();
  }

  /** deployments.json, plus {@code gitSha} for each selected deploy group it lacks. */
  private static Optional<Deployments> withSha(
      Service service, List<InstanceConfig> selected, Optional<String> gitSha) {
    if (gitSha.isEmpty()) {
      return service.deployments();
    }
    Deployments current = service.deployments().orElse(Deployments.empty());
    Map<String, Deployments.DeployGroupDeployment> groups = new HashMap<>(current.deployments());
    DockerImageName image;
    try {
      image = new DockerImageName("", service.name(), gitSha.get());
    } catch (IllegalArgumentException e) {
      throw new UserException("--git-sha: " + e.getMessage());
    }
    for (InstanceConfig config : selected) {
      groups.putIfAbsent(
          config.deployGroup(),
          new Deployments.DeployGroupDeployment(image.withoutRegistry(), gitSha.get()));
    }
    return Optional.of(new Deployments(groups, current.controls()));
  }
}

package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaDir;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import io.paasta.model.Service;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which instances of a service a command asks the clusters' APIs about. */
final class InstanceTargets {
  private InstanceTargets() {}

  /**
   * The service's long-running instances and scheduled jobs, by cluster, narrowed to the given
   * clusters and instances (empty lists: all). A cluster or instance named that the service lacks
   * is refused.
   */
  static List<InstanceTarget> select(
      Service service, List<String> clusters, List<String> instances) {
    List<InstanceConfig> longRunning = new ArrayList<>(of(service, true));
    // an adhoc instance (its remote-runs) only when named
    service.instances().stream()
        .filter(i -> i.ref().kind() == InstanceKind.ADHOC)
        .filter(i -> instances.contains(i.ref().instance()))
        .forEach(longRunning::add);
    if (longRunning.isEmpty()) {
      throw new UserException(
          service.name()
              + " has no long-running instances (marathon-*.yaml or kubernetes-*.yaml) or jobs"
              + " (chronos-*.yaml) to show");
    }
    List<String> known = longRunning.stream().map(i -> i.ref().cluster()).distinct().toList();
    for (String cluster : clusters) {
      if (!known.contains(cluster)) {
        throw new UserException(
            service.name()
                + " has no instances in cluster "
                + cluster
                + " - its clusters: "
                + String.join(", ", known));
      }
    }
    List<InstanceConfig> inClusters =
        longRunning.stream()
            .filter(i -> clusters.isEmpty() || clusters.contains(i.ref().cluster()))
            .toList();
    for (String instance : instances) {
      if (inClusters.stream().noneMatch(i -> i.ref().instance().equals(instance))) {
        throw new UserException(
            "no instance "
                + instance
                + " of "
                + service.name()
                + (clusters.isEmpty() ? "" : " in " + String.join(", ", clusters))
                + " - its instances: "
                + String.join(
                    ", ", inClusters.stream().map(i -> i.ref().instance()).distinct().toList()));
      }
    }
    return inClusters.stream()
        .filter(i -> instances.isEmpty() || instances.contains(i.ref().instance()))
        .map(i -> target(service, i))
        .toList();
  }

  /**
   * The instance {@code cluster.instance} of a loaded service, or an error naming what the service
   * has, the files looked in, and (when the service has problems) how to see them.
   */
  static InstanceConfig require(LoadedService loaded, String cluster, String instance) {
    Service service = loaded.service();
    return service
        .instance(cluster, instance)
        .orElseThrow(
            () ->
                new UserException(
                    "no instance "
                        + instance
                        + " of "
                        + service.name()
                        + " in cluster "
                        + cluster
                        + " - known: "
                        + known(service)
                        + " (soa-configs: marathon-"
                        + cluster
                        + ".yaml, kubernetes-"
                        + cluster
                        + ".yaml or chronos-"
                        + cluster
                        + ".yaml)"
                        + (loaded.hasErrors()
                            ? "; the service has problems in its soa-configs: paasta validate -s "
                                + service.name()
                                + " shows them"
                            : "")));
  }

  private static String known(Service service) {
    List<String> known =
        service.instances().stream()
            .map(i -> i.ref().cluster() + "/" + i.ref().instance())
            .toList();
    return known.isEmpty() ? "none" : String.join(", ", known);
  }

  /** The long-running instances of a deploy group, in every cluster, by cluster. */
  static List<InstanceTarget> ofDeployGroup(Service service, String deployGroup) {
    return of(service, false).stream()
        .filter(i -> i.deployGroup().equals(deployGroup))
        .map(i -> target(service, i))
        .toList();
  }

  /**
   * The clusters {@link #select} is likely to pick, from the names of the service's instance files
   * alone (no YAML read): those of long-running instances and jobs (and of adhoc instances when
   * instances are named), narrowed to {@code clusters} (a -c list, null for all). A guess, for work
   * started ahead: a file without instances, or instances narrowed away by -i, make it name more
   * than select picks.
   */
  static Set<String> likelyClusters(
      SoaDir soaDir, String service, String clusters, String instances) {
    List<String> wanted = split(clusters);
    boolean adhoc = !split(instances).isEmpty();
    Set<String> likely = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(soaDir.serviceDir(service))) {
      for (Path entry : entries) {
        Optional<InstanceKind.KindAndCluster> file =
            InstanceKind.parseFileName(entry.getFileName().toString());
        if (file.isEmpty() || !wanted.isEmpty() && !wanted.contains(file.get().cluster())) {
          continue;
        }
        InstanceKind kind = file.get().kind();
        if (kind.isLongRunning()
            || kind == InstanceKind.CHRONOS
            || adhoc && kind == InstanceKind.ADHOC) {
          likely.add(file.get().cluster());
        }
      }
    } catch (IOException e) {
      // an unreadable folder: nothing is started ahead
    }
    return likely;
  }

  /** A comma-separated option value as a list; null or blank is the empty list. */
  static List<String> split(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The long-running instances, and the scheduled jobs too when {@code jobs}, by cluster. */
  private static List<InstanceConfig> of(Service service, boolean jobs) {
    List<InstanceConfig> found = new ArrayList<>();
    for (InstanceConfig instance : service.instances()) {
      InstanceKind kind = instance.ref().kind();
      if (kind.isLongRunning() || jobs && kind == InstanceKind.CHRONOS) {
        found.add(instance);
      }
    }
    // by cluster, long-running instances before jobs, otherwise in file order
    found.sort(
        Comparator.comparing((InstanceConfig i) -> i.ref().cluster())
            .thenComparing(i -> i.ref().kind() == InstanceKind.CHRONOS));
    return found;
  }

  private static InstanceTarget target(Service service, InstanceConfig instance) {
    return new InstanceTarget(
        service.name(),
        instance.ref().cluster(),
        instance.ref().instance(),
        instance.deployGroup(),
        instance.ref().kind() == InstanceKind.CHRONOS);
  }
}

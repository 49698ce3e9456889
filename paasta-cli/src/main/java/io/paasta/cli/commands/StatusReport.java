package io.paasta.cli.commands;

import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.EndpointsAhead;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.status.ClusterReport;
import io.paasta.cli.status.ClusterVersions;
import io.paasta.cli.status.StatusCollector;
import io.paasta.cli.status.StatusFormatter;
import io.paasta.cli.status.StatusJson;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code paasta status} found: the clusters' APIs' answers about a service's instances, with
 * how much detail was asked, as text or JSON. Shared by {@link StatusCommand} and the launcher's
 * path without picocli; this class must not use picocli.
 */
public record StatusReport(String service, List<ClusterReport> clusters, int verbose) {
  /**
   * Loads the service (given, or guessed from the current directory: null), picks its instances
   * ({@code -c} and {@code -i} lists, null for all) and asks their clusters' APIs. The endpoints
   * are read with {@code readEndpoints}, and the versions of the clusters the service's instance
   * files name are asked, on other threads while the service loads ({@link EndpointsAhead}, {@link
   * ClusterVersions}); they are waited for once the instances are known, and what failed there is
   * done again here, so errors are the same as without.
   */
  public static StatusReport collect(
      SoaConfigsLoader loader,
      String service,
      String clusters,
      String instances,
      Supplier<ApiEndpoints> readEndpoints,
      int verbose) {
    ClusterVersions versions = new ClusterVersions();
    EndpointsAhead endpoints =
        EndpointsAhead.start(
            readEndpoints,
            read -> {
              String named = SoaDirOption.serviceOrGuess(service, loader);
              for (String cluster :
                  InstanceTargets.likelyClusters(loader.soaDir(), named, clusters, instances)) {
                if (read.has(cluster)) {
                  versions.askAhead(read.client(cluster));
                }
              }
            });
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service, loader));
    List<InstanceTarget> targets =
        InstanceTargets.select(
            loaded.service(), InstanceTargets.split(clusters), InstanceTargets.split(instances));
    try (StatusCollector collector = new StatusCollector(endpoints.get(), versions)) {
      return new StatusReport(
          loaded.service().name(), collector.collect(targets, verbose), verbose);
    }
  }

  /** The text, in picocli markup lines. */
  public List<String> lines(Instant now) {
    return StatusFormatter.format(service, clusters, verbose, now);
  }

  /** The value {@code --json} prints. */
  public Map<String, Object> json() {
    return StatusJson.of(service, clusters);
  }

  /** 1 when a cluster or instance could not be asked, else 0. */
  public int exitCode() {
    return clusters.stream().anyMatch(ClusterReport::failed) ? 1 : 0;
  }
}

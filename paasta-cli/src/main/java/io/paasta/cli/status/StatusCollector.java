package io.paasta.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.ApiException;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.api.PaastaApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Asks each cluster's API about the requested instances, all clusters (and the instances within
 * each, and each cluster's version, which says whose API it is) in parallel; every request is
 * bounded by the endpoints' timeout. A cluster that cannot be asked becomes one failed {@link
 * ClusterReport}; the others are unaffected.
 */
public final class StatusCollector implements AutoCloseable {
  /** How many recent runs of a job -v shows. */
  static final int RECENT_RUNS = 10;

  /** How many last output lines of each run -vv shows. */
  static final int OUTPUT_LINES = 10;

  private final ApiEndpoints endpoints;
  private final ClusterVersions versions;
  private final ExecutorService pool;

  /**
   * @param versions the clusters' versions, some maybe asked ahead
   */
  public StatusCollector(ApiEndpoints endpoints, ClusterVersions versions) {
    this.endpoints = endpoints;
    this.versions = versions;
    this.pool = io.paasta.cli.api.ClusterThreads.pool("paasta-status");
  }

  /**
   * @param targets the instances, in the order their clusters should be reported
   * @param verbose 0: status only; 1 and more: tasks (a job's recent runs) too (2: with their
   *     output lines)
   */
  public List<ClusterReport> collect(List<InstanceTarget> targets, int verbose) {
    Map<String, List<InstanceTarget>> byCluster = new LinkedHashMap<>();
    targets.forEach(t -> byCluster.computeIfAbsent(t.cluster(), c -> new ArrayList<>()).add(t));
    List<CompletableFuture<ClusterReport>> reports = new ArrayList<>();
    byCluster.forEach(
        (cluster, instances) ->
            reports.add(
                CompletableFuture.supplyAsync(() -> cluster(cluster, instances, verbose), pool)));
    return reports.stream().map(CompletableFuture::join).toList();
  }

  private ClusterReport cluster(String cluster, List<InstanceTarget> targets, int verbose) {
    Optional<String> endpoint = Optional.ofNullable(endpoints.urlOf(cluster));
    PaastaApiClient client;
    try {
      client = endpoints.client(cluster);
    } catch (ApiException e) {
      return ClusterReport.failed(cluster, endpoint, e.getMessage());
    }
    // the instances are asked while the version is on its way (reads only: when the version says
    // the API is not this cluster's, or does not answer, their answers are dropped)
    List<CompletableFuture<InstanceReport>> answers = new ArrayList<>();
    for (InstanceTarget target : targets) {
      answers.add(CompletableFuture.supplyAsync(() -> instance(client, target, verbose), pool));
    }
    try {
      String served = client.servedCluster(versions.of(client));
      if (!served.isEmpty() && !served.equals(cluster)) {
        return ClusterReport.failed(
            cluster,
            endpoint,
            "the API at "
                + client.baseUrl()
                + " serves cluster "
                + served
                + ", not "
                + cluster
                + " - check api_endpoints in the system config");
      }
    } catch (ApiException e) {
      return ClusterReport.failed(cluster, endpoint, e.getMessage());
    }
    return new ClusterReport(
        cluster,
        endpoint,
        Optional.empty(),
        answers.stream().map(CompletableFuture::join).toList());
  }

  private static InstanceReport instance(
      PaastaApiClient client, InstanceTarget target, int verbose) {
    JsonNode status;
    try {
      status =
          target.job() && verbose >= 1
              ? client.jobStatusJson(
                  target.service(), target.instance(), RECENT_RUNS, verbose >= 2 ? OUTPUT_LINES : 0)
              : client.statusJson(target.service(), target.instance());
    } catch (ApiException e) {
      return InstanceReport.failed(target, e.getMessage());
    }
    if (verbose < 1 || target.job()) {
      return InstanceReport.answered(target, status, Optional.empty(), Optional.empty());
    }
    try {
      return InstanceReport.answered(
          target,
          status,
          Optional.of(client.tasksJson(target.service(), target.instance(), verbose)),
          Optional.empty());
    } catch (ApiException e) {
      return InstanceReport.answered(target, status, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

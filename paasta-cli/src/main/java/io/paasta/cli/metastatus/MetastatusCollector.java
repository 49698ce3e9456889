package io.paasta.cli.metastatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.ApiException;
import io.paasta.cli.api.PaastaApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Asks each cluster's API for its metastatus, all clusters in parallel, each bounded by the
 * endpoints' timeout; a cluster that does not answer becomes a failed {@link ClusterMetastatus} and
 * the others are unaffected.
 */
public final class MetastatusCollector implements AutoCloseable {
  private final ApiEndpoints endpoints;
  private final ExecutorService pool;

  public MetastatusCollector(ApiEndpoints endpoints) {
    this.endpoints = endpoints;
    this.pool = io.paasta.cli.api.ClusterThreads.pool("paasta-metastatus");
  }

  /**
   * @param slotsOf {@code service.instance} whose slots to ask for; empty for none
   */
  public List<ClusterMetastatus> collect(List<String> clusters, Optional<SlotsQuery> slotsOf) {
    List<CompletableFuture<ClusterMetastatus>> answers =
        clusters.stream()
            .map(c -> CompletableFuture.supplyAsync(() -> cluster(c, slotsOf), pool))
            .toList();
    return answers.stream().map(CompletableFuture::join).toList();
  }

  /** The instance whose slots (how many more copies fit) to ask for. */
  public record SlotsQuery(String service, String instance) {
    String query() {
      return "?service="
          + URLEncoder.encode(service, StandardCharsets.UTF_8)
          + "&instance="
          + URLEncoder.encode(instance, StandardCharsets.UTF_8);
    }
  }

  private ClusterMetastatus cluster(String cluster, Optional<SlotsQuery> slotsOf) {
    try {
      PaastaApiClient client = endpoints.client(cluster);
      JsonNode doc = client.get("/v1/metastatus" + slotsOf.map(SlotsQuery::query).orElse(""));
      String served = doc.path("cluster").asText("");
      if (!served.isEmpty() && !served.equals(cluster)) {
        return ClusterMetastatus.failed(
            cluster,
            "the API at "
                + client.baseUrl()
                + " serves cluster "
                + served
                + ", not "
                + cluster
                + " - check api_endpoints in the system config");
      }
      return ClusterMetastatus.answered(cluster, doc);
    } catch (ApiException e) {
      return ClusterMetastatus.failed(cluster, e.getMessage());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

package io.paasta.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.api.PaastaApiClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Each cluster's {@code GET /v1/version}, which status asks before a cluster's instances: asked
 * ahead on a daemon thread for the clusters a command expects to ask (while the service's YAML
 * loads, the answer is on its way), or when needed for the others. An answer asked ahead is what
 * asking then would give: the same answer, or the same {@code ApiException}.
 */
public final class ClusterVersions {
  private final Map<String, FutureTask<JsonNode>> asked = new ConcurrentHashMap<>();

  /** Starts asking the client's cluster its version, unless that was asked already. */
  public void askAhead(PaastaApiClient client) {
    FutureTask<JsonNode> task = new FutureTask<>(client::version);
    if (asked.putIfAbsent(client.cluster(), task) == null) {
      Thread thread = new Thread(task, "paasta-version");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * The version the client's cluster answers: asked ahead, or asked now (and then not asked ahead
   * any more: the endpoints reach the caller before the questions ahead are started).
   */
  JsonNode of(PaastaApiClient client) {
    FutureTask<JsonNode> now = new FutureTask<>(client::version);
    FutureTask<JsonNode> ahead = asked.putIfAbsent(client.cluster(), now);
    if (ahead == null) {
      now.run();
      ahead = now;
    }
    try {
      return ahead.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return client.version();
    }
  }
}

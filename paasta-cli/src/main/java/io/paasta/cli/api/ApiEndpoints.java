package io.paasta.cli.api;

import io.paasta.deploy.http.BlockingHttp;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which PaaSTA API serves which cluster: the system config's {@code api_endpoints} map. Hands out
 * one {@link PaastaApiClient} per cluster, all sharing one HTTP client and one timeout.
 */
public final class ApiEndpoints {
  private final Map<String, String> urls;
  private final String source;
  private final BlockingHttp http;
  private final Duration timeout;

  /**
   * @param urls cluster to base URL, e.g. {@code local -> http://127.0.0.1:5054}
   * @param source where the map came from, for messages (e.g. the system config directory)
   */
  public ApiEndpoints(Map<String, String> urls, String source, Duration timeout) {
    this.urls = new TreeMap<>(urls);
    this.source = source;
    this.timeout = timeout;
    this.http = PaastaApiClient.newHttpClient(timeout);
  }

  public boolean has(String cluster) {
    return urls.containsKey(cluster);
  }

  /** The clusters with an API endpoint, sorted. */
  public java.util.List<String> clusters() {
    return java.util.List.copyOf(urls.keySet());
  }

  /** The base URL of the cluster's API, for messages and JSON output; null when there is none. */
  public String urlOf(String cluster) {
    return urls.get(cluster);
  }

  /**
   * The cluster's API client, or an {@link ApiException} of kind NO_ENDPOINT saying what to add.
   */
  public PaastaApiClient client(String cluster) {
    String url = urls.get(cluster);
    if (url == null) {
      throw new ApiException(
          ApiException.Kind.NO_ENDPOINT,
          "no API endpoint for cluster "
              + cluster
              + ": api_endpoints in the system config ("
              + source
              + ") has "
              + (urls.isEmpty() ? "no entries" : "only " + String.join(", ", urls.keySet()))
              + " - add \""
              + cluster
              + "\": \"http://HOST:PORT\"");
    }
    return new PaastaApiClient(cluster, url, http, timeout);
  }

  public Duration timeout() {
    return timeout;
  }
}

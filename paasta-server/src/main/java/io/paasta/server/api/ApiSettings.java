package io.paasta.server.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How the API server runs.
 *
 * @param token the token requests that change anything must carry; none refuses every change
 * @param maxThreads bound of the request thread pool
 * @param maxRequestBytes larger request bodies are refused (413)
 * @param idleTimeout idle connections are closed after this long
 */
public record ApiSettings(
    ApiListenAddress listen,
    Optional<ApiToken> token,
    int maxThreads,
    long maxRequestBytes,
    Duration idleTimeout) {

  /** The limits the daemon uses. */
  public static ApiSettings of(ApiListenAddress listen, Optional<ApiToken> token) {
    return new ApiSettings(listen, token, 16, 64 * 1024, Duration.ofSeconds(30));
  }
}

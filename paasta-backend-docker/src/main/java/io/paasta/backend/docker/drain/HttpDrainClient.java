package io.paasta.backend.docker.drain;

import io.paasta.backend.docker.http.LoopbackHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Calls a task's drain URLs (drain, is_safe_to_kill, ...) on 127.0.0.1. */
public final class HttpDrainClient {
  private final LoopbackHttpClient http;
  private final Duration timeout;

  public HttpDrainClient(LoopbackHttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Whether the URL answered with one of its success codes.
   *
   * @throws IOException when the task does not answer
   * @throws IllegalArgumentException when the URL cannot be made or is not on loopback
   */
  public boolean call(UrlSpec spec, Map<String, String> fields) throws IOException {
    int status = http.send(spec.method(), spec.url(fields), timeout);
    return spec.successCodes().matches(status);
  }
}

package io.paasta.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The daemon's API over real HTTP (java.net.http), for tests. */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  ApiClient(URI base) {
    this.base = base;
  }

  /** A response: status, content type, body text (and the body as JSON when it is JSON). */
  record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Optional.empty());
  }

  /** GET that must answer 200: its JSON. */
  JsonNode json(String path) {
    Answer answer = get(path);
    if (answer.status() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  Answer send(String method, String path, String body, Optional<String> token) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, publisher)
            .header("Content-Type", "application/json"),
        token);
  }

  /**
   * Sends the request; a 503 with {@code Retry-After} (a service whose files still settle) is sent
   * again after the wait it asks, for up to 30 s, as the CLI does.
   */
  private Answer send(HttpRequest.Builder request, Optional<String> token) {
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Answer answer = sendOnce(request);
      Optional<String> retryAfter = answer.header("Retry-After");
      if (answer.status() != 503
          || retryAfter.isEmpty()
          || !retryAfter.get().matches("\\d{1,2}")
          || System.nanoTime() > deadline) {
        return answer;
      }
      try {
        Thread.sleep(Long.parseLong(retryAfter.get()) * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
    }
  }

  private Answer sendOnce(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

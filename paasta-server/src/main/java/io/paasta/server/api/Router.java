package io.paasta.server.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Finds the route of a request: 404 when no template fits the path, 405 when no method does. */
public final class Router {
  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public List<Route> routes() {
    return routes;
  }

  /** A route and the path parameters it found. */
  public record Resolved(Route route, Map<String, String> pathParams) {}

  /**
   * @param rawPath the request's path, still percent-encoded (each segment is decoded alone, so an
   *     encoded slash stays within its segment)
   * @throws ProblemException 404 or 405
   */
  public Resolved resolve(String method, String rawPath) {
    List<String> path = split(rawPath).stream().map(Router::decode).toList();
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(path);
      if (params.isPresent()) {
        if (route.method().equals(method)) {
          return new Resolved(route, params.get());
        }
        allowed.add(route.method());
      }
    }
    if (allowed.isEmpty()) {
      throw ProblemException.notFound(
          "no API resource at " + rawPath + " (the API's routes are listed at /v1/openapi.json)");
    }
    throw new ProblemException(
        405,
        method + " is not allowed on " + rawPath + "; allowed: " + String.join(", ", allowed),
        Map.of("Allow", String.join(", ", allowed)));
  }

  /** The non-empty segments of a path. */
  static List<String> split(String path) {
    return new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("the path segment '" + segment + "' is badly encoded");
    }
  }
}

package io.paasta.server.api;

import java.util.List;
import java.util.Optional;

/**
 * A method and a path template such as {@code /v1/services/{service}/{instance}/status}, and the
 * endpoint that answers it. Every method but GET changes something and needs the API token.
 */
public record Route(String method, String template, Endpoint endpoint) {
  public Route {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a route template starts with /: " + template);
    }
  }

  public boolean mutating() {
    return !method.equals("GET");
  }

  List<String> segments() {
    return Router.split(template);
  }

  /** The template's parameters from a path's segments, when the path has this template's shape. */
  Optional<java.util.Map<String, String>> match(List<String> path) {
    List<String> parts = segments();
    if (parts.size() != path.size()) {
      return Optional.empty();
    }
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        params.put(part.substring(1, part.length() - 1), path.get(i));
      } else if (!part.equals(path.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}

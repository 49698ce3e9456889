package io.paasta.server.api;

import java.util.Map;
import java.util.Optional;

/**
 * A routed request as endpoints see it.
 *
 * @param pathParams the template's {@code {name}} segments, decoded
 * @param query the query parameters (the first value of each)
 * @param body the request body (empty for GET)
 */
public record ApiRequest(
    String method, Map<String, String> pathParams, Map<String, String> query, String body) {
  public ApiRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
  }

  public String path(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no path parameter " + name);
    }
    return value;
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name));
  }
}

package io.paasta.server.api;

/** One operation of the API. Throws {@link ProblemException} for requests it refuses. */
@FunctionalInterface
public interface Endpoint {
  ApiResponse handle(ApiRequest request);
}

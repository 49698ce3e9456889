package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the daemon serves. */
class OpenApiDocumentTest {
  @Test
  void everyServedRouteIsDocumentedAndViceVersa() throws Exception {
    Router router =
        ApiRoutes.router(
            "norcal",
            new ServicesResource(null, null, null, null, null, Clock.systemUTC()),
            new AutoscalerResource(null, null, null, ref -> {}, Clock.systemUTC()),
            new JobsResource(null, null, ref -> java.util.List.of(), Clock.systemUTC()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Set<String> served = new TreeSet<>();
    for (Route route : router.routes()) {
      served.add(route.method() + " " + route.template());
    }
    JsonNode doc = Json.read(ApiRoutes.openapi());
    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    assertThat(doc.get("openapi").asText()).startsWith("3.0");
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void everyMutatingOperationRequiresTheBearerToken() throws Exception {
    JsonNode paths = Json.read(ApiRoutes.openapi()).get("paths");
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          boolean mutating = !op.getKey().equals("get");
                          assertThat(op.getValue().has("security"))
                              .as(op.getKey() + " " + path.getKey())
                              .isEqualTo(mutating);
                        }));
  }
}

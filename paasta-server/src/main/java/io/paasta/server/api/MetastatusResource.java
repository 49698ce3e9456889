package io.paasta.server.api;

import io.paasta.model.InstanceConfig;
import io.paasta.server.metastatus.Metastatus;
import java.util.Optional;

/**
 * {@code GET /v1/metastatus[?service=S&instance=I]}: the cluster's capacity, tasks, instances and
 * parts' health; with {@code service} and {@code instance}, also how many more copies of that
 * instance fit ("slots").
 */
public final class MetastatusResource {
  private final Optional<Metastatus> metastatus;
  private final String cluster;

  public MetastatusResource(Metastatus metastatus, String cluster) {
    this(Optional.of(metastatus), cluster);
  }

  private MetastatusResource(Optional<Metastatus> metastatus, String cluster) {
    this.metastatus = metastatus;
    this.cluster = cluster;
  }

  /** For a router with no backend to weigh (tests of other routes): answers 404 saying so. */
  static MetastatusResource unavailable() {
    return new MetastatusResource(Optional.empty(), "");
  }

  public ApiResponse get(ApiRequest request) {
    if (metastatus.isEmpty()) {
      throw ProblemException.notFound("this daemon serves no metastatus");
    }
    Metastatus metastatus = this.metastatus.get();
    Optional<String> service = request.query("service");
    Optional<String> instance = request.query("instance");
    if (service.isPresent() != instance.isPresent()) {
      throw ProblemException.badRequest(
          "query parameters 'service' and 'instance' go together: got only "
              + (service.isPresent() ? "'service'" : "'instance'"));
    }
    Optional<InstanceConfig> slotsOf = Optional.empty();
    if (service.isPresent()) {
      slotsOf =
          Optional.of(
              metastatus
                  .instance(service.get(), instance.get())
                  .orElseThrow(
                      () ->
                          ProblemException.notFound(
                              "service '"
                                  + service.get()
                                  + "' has no instance '"
                                  + instance.get()
                                  + "' in cluster '"
                                  + cluster
                                  + "'")));
    }
    return ApiResponse.json(metastatus.document(slotsOf));
  }
}

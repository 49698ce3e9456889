package io.paasta.server.api;

import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.ObservedInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/cluster}: the whole cluster in one document, for the dashboard's first page: every
 * long-running instance's status document (as {@code /v1/services/{s}/{i}/status} answers it, the
 * tasks of all observed in one go), every job's status document (its {@code runs} newest runs), and
 * the services whose config cannot be loaded.
 */
public final class ClusterResource {
  /** Most runs per job one request may ask for. */
  static final int MAX_RUNS = 50;

  private final ServicesResource services;
  private final JobsResource jobs;

  public ClusterResource(ServicesResource services, JobsResource jobs) {
    this.services = services;
    this.jobs = jobs;
  }

  /**
   * {@code {cluster, at, instances: [...], jobs: [...], service_problems: {...}}}; query {@code
   * runs}.
   */
  public ApiResponse cluster(ApiRequest request) {
    int runs = JobsResource.count(request, "runs", 0, MAX_RUNS);
    InstanceLookup lookup = services.lookup();
    Map<InstanceRef, ObservedInstance> observed = services.observeAll();
    List<Map<String, Object>> instances = new ArrayList<>();
    for (String service : lookup.services()) {
      for (String instance : lookup.instances(service)) {
        document(() -> lookup.instance(service, instance))
            .ifPresent(
                found ->
                    document(
                            () ->
                                services.statusDocument(
                                    found,
                                    observed.getOrDefault(
                                        found.ref(), new ObservedInstance(found.ref(), List.of()))))
                        .ifPresent(instances::add));
      }
    }
    List<Map<String, Object>> jobDocuments = new ArrayList<>();
    for (InstanceRef ref : jobs.jobs()) {
      document(() -> lookup.requireJob(ref.service(), ref.instance()))
          .flatMap(found -> document(() -> jobs.statusDocument(found, runs, Optional.empty())))
          .ifPresent(jobDocuments::add);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("cluster", lookup.cluster());
    doc.put("at", services.now().toString());
    doc.put("instances", instances);
    doc.put("jobs", jobDocuments);
    doc.put("service_problems", services.serviceProblems());
    return ApiResponse.json(doc);
  }

  /** The document; empty when its instance went away while the cluster was read. */
  private static <T> Optional<T> document(java.util.function.Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (ProblemException e) {
      return Optional.empty();
    }
  }
}

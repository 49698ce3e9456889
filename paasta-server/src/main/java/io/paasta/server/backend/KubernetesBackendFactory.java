package io.paasta.server.backend;

import io.paasta.backend.kubernetes.KubernetesBackends;
import io.paasta.backend.kubernetes.jobs.JobManifests;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.KubernetesClusters;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.BackendPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The {@code kubernetes} backend: the cluster's entry of the system config's {@code
 * kubernetes_clusters} says how to reach its API server.
 */
public final class KubernetesBackendFactory implements BackendFactory {
  private final Path soaDir;
  private final boolean lead;
  private final boolean forceCleanup;

  /**
   * @param lead take part in the leader election (the daemon), or not ({@code paasta plan})
   */
  public KubernetesBackendFactory(Path soaDir, boolean lead) {
    this(soaDir, lead, false);
  }

  /**
   * @param forceCleanup delete shared objects no instance uses (namespaces, Services, Secrets) even
   *     when that is more than half of them ({@code --force-cleanup})
   */
  public KubernetesBackendFactory(Path soaDir, boolean lead, boolean forceCleanup) {
    this.soaDir = soaDir;
    this.lead = lead;
    this.forceCleanup = forceCleanup;
  }

  /** The cluster's entry, when the system config lists it under {@code kubernetes_clusters}. */
  public static Optional<KubernetesCluster> clusterOf(SystemConfig system) {
    return KubernetesClusters.read(system, SYSTEM_FILES).cluster(system.cluster());
  }

  static final String SYSTEM_FILES = "the system config (" + KubernetesClusters.KEY + ")";

  @Override
  public Backend start(SystemConfig system, BackendPorts ports) {
    KubernetesClusters.Read read = KubernetesClusters.read(system, SYSTEM_FILES);
    KubernetesCluster cluster =
        read.cluster(system.cluster())
            .orElseThrow(
                () ->
                    new BackendException(
                        "cluster "
                            + system.cluster()
                            + " has no usable entry in "
                            + SYSTEM_FILES
                            + (read.problems().isEmpty()
                                ? ""
                                : ": "
                                    + read.problems().stream()
                                        .map(Problem::format)
                                        .collect(Collectors.joining("; ")))));
    return KubernetesBackends.start(
            cluster,
            new SmartStackNamespaces(soaDir)::of,
            lead,
            Clock.systemUTC(),
            ports.secrets(),
            forceCleanup,
            JobManifests.rendered(cluster, this::jobConfig))
        .collectOutput(ports.taskLogs());
  }

  /** A job's config as soa-configs has it now (read when one of its attempts starts). */
  private Optional<JobConfig> jobConfig(InstanceRef job) {
    return SoaConfigsLoader.open(soaDir)
        .load(job.service())
        .service()
        .instance(job.cluster(), job.instance())
        .filter(JobConfig.class::isInstance)
        .map(JobConfig.class::cast);
  }

  /** A service's smartstack.yaml namespaces, read again when the file changes. */
  static final class SmartStackNamespaces {
    private final Path soaDir;
    private final Map<String, Read> cache = new ConcurrentHashMap<>();

    SmartStackNamespaces(Path soaDir) {
      this.soaDir = soaDir;
    }

    private record Read(long modified, Map<String, NamespaceConfig> namespaces) {}

    Map<String, NamespaceConfig> of(String service) {
      long modified = modified(soaDir.resolve(service).resolve("smartstack.yaml"));
      Read cached = cache.get(service);
      if (cached != null && cached.modified() == modified) {
        return cached.namespaces();
      }
      Map<String, NamespaceConfig> read =
          Map.copyOf(SoaConfigsLoader.open(soaDir).namespacesOf(service));
      cache.put(service, new Read(modified, read));
      return read;
    }

    private static long modified(Path file) {
      try {
        return Files.getLastModifiedTime(file).toMillis();
      } catch (java.io.IOException e) {
        return -1;
      }
    }
  }
}

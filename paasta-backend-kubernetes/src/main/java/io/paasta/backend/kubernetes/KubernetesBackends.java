package io.paasta.backend.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.paasta.backend.kubernetes.apply.LeaderLease;
import io.paasta.backend.kubernetes.jobs.JobManifests;
import io.paasta.backend.kubernetes.secrets.DockerConfigFile;
import io.paasta.backend.kubernetes.secrets.SecretSettings;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.NamespaceConfig;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.SecretResolver;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Starts the Kubernetes backend of a cluster from its {@code kubernetes_clusters} entry. */
public final class KubernetesBackends {
  /** How long the informers may take to list everything at start. */
  public static final Duration FIRST_LIST = Duration.ofSeconds(60);

  /** The Lease's duration: a new leader takes over within about this long. */
  public static final Duration LEASE = Duration.ofSeconds(15);

  /** Retries of one request before it fails (fabric8's default is 10, about half a minute). */
  static final int REQUEST_RETRIES = 2;

  /** Where the Lease lives: the daemon's own namespace in a pod, else {@code default}. */
  static final String LEASE_NAMESPACE_ENV = "POD_NAMESPACE";

  private KubernetesBackends() {}

  /**
   * @param namespaces a service's SmartStack namespaces, by service
   * @param lead whether to take part in the leader election (the daemon); {@code paasta plan} does
   *     not, and plans as a leader would
   * @param secrets the daemon's: the values of the instances' Secret objects
   * @param forceCleanup delete shared objects no instance uses even when that is more than half
   * @param jobs makes the Job of each attempt of a scheduled job
   * @throws BackendException when the API server cannot be reached or the kubeconfig read
   */
  public static KubernetesBackend start(
      KubernetesCluster cluster,
      Function<String, Map<String, NamespaceConfig>> namespaces,
      boolean lead,
      Clock clock,
      SecretResolver secrets,
      boolean forceCleanup,
      JobManifests jobs) {
    KubernetesClient client = connect(cluster);
    String identity = identity();
    String leaseNamespace =
        Optional.ofNullable(System.getenv(LEASE_NAMESPACE_ENV)).orElse("default");
    try {
      return new KubernetesBackend(
              cluster.name(),
              client,
              new InstanceRendering(cluster, namespaces),
              clock,
              onChange ->
                  lead
                      ? Optional.of(
                          new LeaderLease(
                              client,
                              leaseNamespace,
                              "paasta-" + cluster.name(),
                              identity,
                              LEASE,
                              onChange))
                      : Optional.empty(),
              new FleetSettings(
                  secretSettings(cluster, secrets),
                  cluster.namespacePrefix(),
                  forceCleanup,
                  FleetSettings.SWEEP_EVERY),
              jobs)
          .start(FIRST_LIST)
          .runAdhoc(cluster, FIRST_LIST);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The cluster's image pull secret's file (when it has one) and the daemon's secrets. */
  public static SecretSettings secretSettings(KubernetesCluster cluster, SecretResolver secrets) {
    return new SecretSettings(
        cluster.name(),
        cluster
            .dockerConfig()
            .map(
                file ->
                    new DockerConfigFile(
                        "kubernetes_clusters." + cluster.name() + ".docker_config",
                        java.nio.file.Path.of(file))),
        secrets);
  }

  /** A client from the kubeconfig file and context, or the pod's service account. */
  public static KubernetesClient connect(KubernetesCluster cluster) {
    if (!cluster.inCluster()
        && !java.nio.file.Files.isReadable(
            java.nio.file.Path.of(cluster.kubeconfig().orElse("")))) {
      throw new BackendException(
          "kubernetes_clusters."
              + cluster.name()
              + ".kubeconfig: cannot read "
              + cluster.kubeconfig().orElse("(none)")
              + " (expected a kubeconfig file the daemon may read, or in_cluster: true)");
    }
    try {
      Config config =
          cluster.inCluster()
              ? new io.fabric8.kubernetes.client.ConfigBuilder().build()
              : Config.fromKubeconfig(
                  cluster.context().orElse(null), new File(cluster.kubeconfig().orElseThrow()));
      // a write fails within seconds when the API server is away; the pass backs off and retries
      config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (RuntimeException e) {
      throw new BackendException(
          "kubernetes_clusters."
              + cluster.name()
              + ": cannot make a client from "
              + (cluster.inCluster()
                  ? "the pod's service account (in_cluster: true)"
                  : "kubeconfig "
                      + cluster.kubeconfig().orElse("")
                      + cluster.context().map(c -> " context " + c).orElse(""))
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String identity() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("paasta");
    return host + "-" + ProcessHandle.current().pid();
  }
}

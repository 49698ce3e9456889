package io.paasta.server;

import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.model.SystemConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon in a process of its own, wired as {@code paasta server} wires it, so that a test can
 * kill it with SIGKILL: {@code DaemonProcess SOA_DIR CLUSTER REGISTRY}.
 */
public final class DaemonProcess {
  private DaemonProcess() {}

  /** The smallest system config of a test cluster. */
  public static SystemConfig systemConfig(String cluster, String registry) {
    return systemConfig(cluster, registry, Map.of());
  }

  /**
   * A test cluster's system config: these keys (read by the parts that find them in {@code raw}),
   * the defaults for the rest.
   */
  public static SystemConfig systemConfig(
      String cluster, String registry, Map<String, Object> raw) {
    return new SystemConfig(
        cluster,
        registry,
        Optional.empty(),
        List.of(),
        Map.of(),
        Map.of(),
        SystemConfig.DEFAULT_SENSU_HOST,
        SystemConfig.DEFAULT_SENSU_PORT,
        SystemConfig.DEFAULT_SYNAPSE_HOST,
        SystemConfig.DEFAULT_SYNAPSE_PORT,
        Optional.empty(),
        raw);
  }

  public static void main(String[] args) throws Exception {
    Path soa = Path.of(args[0]);
    SystemConfig system = systemConfig(args[1], args[2]);
    PaastaDaemon daemon =
        DaemonWiring.build(
            soa,
            system,
            new PaastaDaemon.Settings(2, Duration.ofSeconds(5), Duration.ofHours(1), false),
            DockerBackends.start(DockerBackendConfig.defaults(system.cluster())),
            System.out);
    daemon.start();
    Thread.sleep(Long.MAX_VALUE);
  }
}

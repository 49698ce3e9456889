package io.paasta.server.cli;

import io.paasta.config.soa.SoaDir;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.SystemConfig;
import io.paasta.server.backend.BackendFactory;
import io.paasta.server.backend.Backends;
import io.paasta.server.smartstack.SmartStackSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What {@code paasta server} and {@code paasta plan} share: where the soa-configs, the system
 * config and the daemon's state are, whether SmartStack runs, and the backend; so that {@code plan}
 * builds the desired state exactly as the daemon does with the same options.
 */
final class DaemonOptions {
  @Option(
      names = {"-y", "--soa-dir"},
      paramLabel = "SOA_DIR",
      description =
          "The soa-configs directory (default: $PAASTA_SOA_DIR, else /nail/etc/services).")
  Path soaDir;

  @Option(
      names = "--system-config-dir",
      paramLabel = "DIR",
      description = "The system config (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  Path systemConfigDir;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "/var/lib/paasta/state",
      description = "Where state that outlives the daemon is kept (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(
      names = "--no-smartstack",
      description =
          "Run without SmartStack: no ZooKeeper registrations, no HAProxy (check_haproxy is then"
              + " not applied, and hacheck drains only wait their delay).")
  boolean noSmartstack;

  @Option(
      names = "--zookeeper-port",
      paramLabel = "PORT",
      defaultValue = "2181",
      description =
          "The embedded ZooKeeper's port on 127.0.0.1, used when the system config names no"
              + " `zookeeper` ensemble (default: ${DEFAULT-VALUE}).")
  int zookeeperPort;

  @Option(
      names = "--force-cleanup",
      description =
          "Remove instances gone from soa-configs even when that is more than half of them.")
  boolean forceCleanup;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "What runs the cluster's tasks: local, the Docker engine, or kubernetes (default:"
              + " kubernetes for a cluster listed in the system config's kubernetes_clusters,"
              + " else local).")
  String backend;

  @Option(
      names = "--port-range",
      paramLabel = "FIRST-LAST",
      defaultValue = "31000-32767",
      description = "The host ports given to tasks as PORT0... (default: ${DEFAULT-VALUE}).")
  String portRange;

  Path soaDir() {
    return soaDir != null ? soaDir : SoaDir.defaultPath();
  }

  SystemConfig system() {
    Path dir = systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir();
    return io.paasta.config.secrets.LocalKeyStore.withKeyDir(
        SystemConfigLoader.loadUsable(dir), dir);
  }

  /** The backend {@code --backend} names, with tasks' host ports from {@code --port-range}. */
  BackendFactory backends() {
    return backends(true);
  }

  /**
   * @param lead whether a Kubernetes backend takes part in the leader election ({@code paasta plan}
   *     does not)
   */
  BackendFactory backends(boolean lead) {
    try {
      return Backends.forCluster(
          Optional.ofNullable(backend), portRange, soaDir(), lead, forceCleanup);
    } catch (IllegalArgumentException e) {
      throw new ServerMain.StartFailure(e.getMessage());
    }
  }

  /** SmartStack as the daemon runs it with these options; empty with --no-smartstack. */
  Optional<SmartStackSettings> smartstack(SystemConfig system) {
    return noSmartstack
        ? Optional.empty()
        : Optional.of(
            new SmartStackSettings(
                stateDir, zookeeperPort, system.synapsePort(), SmartStackSettings.DEFAULT_SETTLE));
  }
}

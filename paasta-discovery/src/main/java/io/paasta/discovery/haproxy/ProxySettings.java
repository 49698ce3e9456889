package io.paasta.discovery.haproxy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the one HAProxy of a host keeps its files and what it serves besides the namespaces.
 *
 * @param stateDir holds the configuration, pid file, sockets, server state file and log
 * @param statsPort the stats page on 127.0.0.1 (SmartStack: 3212, CSV at {@code /;csv;norefresh})
 * @param initialSlots server slots of a new backend; doubled when its endpoints outgrow them
 * @param servicesFile where the services file is written, if anywhere
 */
public record ProxySettings(
    Path stateDir, int statsPort, int initialSlots, Optional<Path> servicesFile) {
  public static final int DEFAULT_STATS_PORT = 3212;
  public static final int DEFAULT_INITIAL_SLOTS = 16;

  /**
   * Longest socket path: a unix socket path holds at most 107 bytes, and HAProxy binds to {@code
   * <path>.<pid>.tmp} first.
   */
  static final int MAX_SOCKET_PATH = 90;

  public ProxySettings {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(servicesFile, "servicesFile");
    stateDir = stateDir.toAbsolutePath().normalize();
    int longest = stateDir.resolve("master.sock").toString().length();
    if (longest > MAX_SOCKET_PATH) {
      throw new IllegalArgumentException(
          "HAProxy's state directory "
              + stateDir
              + " is too long for its unix sockets ("
              + longest
              + " characters for master.sock, at most "
              + MAX_SOCKET_PATH
              + "): choose a shorter path");
    }
    if (initialSlots < 1) {
      throw new IllegalArgumentException("initialSlots must be at least 1, not " + initialSlots);
    }
  }

  /** SmartStack's defaults: stats on 3212, 16 slots per backend, no services file. */
  public static ProxySettings defaults(Path stateDir) {
    return new ProxySettings(stateDir, DEFAULT_STATS_PORT, DEFAULT_INITIAL_SLOTS, Optional.empty());
  }

  public ProxySettings withStatsPort(int port) {
    return new ProxySettings(stateDir, port, initialSlots, servicesFile);
  }

  public ProxySettings withServicesFile(Path path) {
    return new ProxySettings(stateDir, statsPort, initialSlots, Optional.of(path));
  }

  public Path configFile() {
    return stateDir.resolve("haproxy.cfg");
  }

  public Path candidateConfigFile() {
    return stateDir.resolve("haproxy.cfg.new");
  }

  public Path pidFile() {
    return stateDir.resolve("haproxy.pid");
  }

  public Path adminSocket() {
    return stateDir.resolve("admin.sock");
  }

  public Path masterSocket() {
    return stateDir.resolve("master.sock");
  }

  public Path serverStateFile() {
    return stateDir.resolve("servers.state");
  }

  /** HAProxy's master writes its notices and alerts (also of reloads) here. */
  public Path logFile() {
    return stateDir.resolve("haproxy.log");
  }
}

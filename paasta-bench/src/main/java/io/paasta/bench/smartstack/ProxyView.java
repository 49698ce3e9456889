package io.paasta.bench.smartstack;

import io.paasta.discovery.haproxy.BackendStats;
import io.paasta.discovery.haproxy.HaproxyProcess;
import io.paasta.discovery.haproxy.HaproxyRuntimeClient;
import io.paasta.discovery.haproxy.MasterStatus;
import io.paasta.discovery.haproxy.ProxySettings;
import io.paasta.discovery.haproxy.ServerStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The daemon's HAProxy, read only: the servers of the benchmark namespace (over the admin socket)
 * and the master's reload count ({@code show proc} on the master socket). Sends no command that
 * changes anything.
 */
final class ProxyView {
  private final String namespace;
  private final HaproxyRuntimeClient runtime;
  private final HaproxyProcess process;

  /**
   * @param haproxyDir the daemon's HAProxy state directory ({@code <state-dir>/haproxy})
   */
  ProxyView(Path haproxyDir, String namespace) {
    ProxySettings settings = ProxySettings.defaults(haproxyDir);
    this.namespace = namespace;
    this.runtime = new HaproxyRuntimeClient(settings.adminSocket(), Duration.ofSeconds(5));
    this.process =
        new HaproxyProcess(settings, HaproxyProcess.DEFAULT_BINARY, Duration.ofSeconds(5));
  }

  /** Reloads the running master has done since it started; -1 when it does not answer. */
  int reloads() {
    return process.status().map(MasterStatus::reloads).orElse(-1);
  }

  /** The master's pid, for the report; -1 when it does not answer. */
  long masterPid() {
    return process.status().map(MasterStatus::masterPid).orElse(-1L);
  }

  /**
   * Whether the namespace routes to exactly these ports, each UP, and to no other server (every
   * other slot in maintenance); false while HAProxy does not answer.
   */
  boolean routesExactly(Set<Integer> ports) {
    Set<String> wanted = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toSet());
    try {
      BackendStats backend = runtime.showStat().backend(namespace).orElse(null);
      if (backend == null) {
        return false;
      }
      Set<String> routed =
          backend.servers().stream()
              .filter(s -> !s.status().startsWith("MAINT"))
              .map(ServerStats::address)
              .collect(Collectors.toSet());
      boolean allUp =
          backend.servers().stream()
              .filter(s -> wanted.contains(s.address()))
              .allMatch(ServerStats::available);
      return routed.equals(wanted) && allUp;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

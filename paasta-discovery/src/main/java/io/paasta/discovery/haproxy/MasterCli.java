package io.paasta.discovery.haproxy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** HAProxy's master CLI ({@code -S master.sock}): process list and reloads. */
final class MasterCli {
  private final UnixSocketCli cli;

  MasterCli(Path socket) {
    this.cli = new UnixSocketCli(socket, Duration.ofSeconds(5));
  }

  /** {@code show proc}; empty when the master does not answer (not running, or reloading). */
  Optional<MasterStatus> showProc() {
    try {
      return Optional.of(MasterStatus.parse(cli.send("show proc")));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Asks the master to reload; HAProxy 2.6 closes the connection without a reply. */
  void reload() {
    try {
      cli.send("reload");
    } catch (IOException e) {
      // expected: the master re-executes itself and drops the connection
    }
  }
}

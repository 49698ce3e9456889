package io.paasta.discovery.haproxy;

import io.paasta.discovery.haproxy.RuntimeCommand.AdminState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HAProxy's runtime API over its admin socket ({@code stats socket ... level admin}): stats, server
 * states, and commands that change server slots without a reload. Each call is one connection.
 */
public final class HaproxyRuntimeClient {
  private final UnixSocketCli cli;

  public HaproxyRuntimeClient(Path adminSocket) {
    this(adminSocket, Duration.ofSeconds(5));
  }

  public HaproxyRuntimeClient(Path adminSocket, Duration timeout) {
    this.cli = new UnixSocketCli(adminSocket, timeout);
  }

  /** Whether a worker answers on the admin socket. */
  public boolean answers() {
    try {
      return cli.send("show info").contains("Pid:");
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code show stat}: frontends, backends and servers. */
  public ProxyStats showStat() {
    return StatsCsvParser.parse(send("show stat"));
  }

  /** {@code show servers state}, as HAProxy prints it (also the server state file's format). */
  public String showServersStateText() {
    return send("show servers state");
  }

  /** {@code show servers state}: every server slot by backend. */
  public Map<String, List<ServerSlot>> showServersState() {
    return ServersStateParser.parse(showServersStateText());
  }

  /** Sends a command; empty when HAProxy did it, else HAProxy's reply (or the I/O error). */
  public Optional<String> execute(RuntimeCommand command) {
    try {
      String reply = cli.send(command.cli());
      return command.succeeded(reply)
          ? Optional.empty()
          : Optional.of("'" + command.cli() + "' failed: " + reply.strip());
    } catch (IOException e) {
      return Optional.of("'" + command.cli() + "' failed: " + e.getMessage());
    }
  }

  public void setServerAddress(String backend, String server, String address, int port) {
    check(new RuntimeCommand.SetAddress(backend, server, address, port));
  }

  public void setServerState(String backend, String server, AdminState state) {
    check(new RuntimeCommand.SetState(backend, server, state));
  }

  public void setServerHealthUp(String backend, String server) {
    check(new RuntimeCommand.SetHealthUp(backend, server));
  }

  public void setWeight(String backend, String server, int weight) {
    check(new RuntimeCommand.SetWeight(backend, server, weight));
  }

  private void check(RuntimeCommand command) {
    execute(command)
        .ifPresent(
            error -> {
              throw new HaproxyException(error);
            });
  }

  private String send(String command) {
    try {
      return cli.send(command);
    } catch (IOException e) {
      throw new HaproxyException(
          "HAProxy's admin socket " + cli.socket() + " did not answer '" + command + "': " + e, e);
    }
  }
}

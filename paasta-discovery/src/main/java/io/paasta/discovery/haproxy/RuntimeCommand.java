package io.paasta.discovery.haproxy;

/**
 * One command of HAProxy's runtime API that changes a server slot. A plan of such commands is data:
 * printable, asserted in tests, then sent by {@link HaproxyRuntimeClient}.
 */
public sealed interface RuntimeCommand {
  String backend();

  String server();

  /** The command line sent to the admin socket. */
  String cli();

  /** Whether HAProxy's reply to this command means it was done. */
  default boolean succeeded(String reply) {
    return reply.isBlank();
  }

  /** The admin states a slot can be set to. */
  enum AdminState {
    READY,
    DRAIN,
    MAINT
  }

  /** Points a slot at an endpoint. */
  record SetAddress(String backend, String server, String address, int port)
      implements RuntimeCommand {
    @Override
    public String cli() {
      return "set server " + backend + "/" + server + " addr " + address + " port " + port;
    }

    @Override
    public boolean succeeded(String reply) {
      return reply.contains("changed") || reply.contains("no need to change");
    }
  }

  /** Sets a slot's admin state: ready (takes traffic), drain (no new traffic), maint (free). */
  record SetState(String backend, String server, AdminState state) implements RuntimeCommand {
    @Override
    public String cli() {
      return "set server "
          + backend
          + "/"
          + server
          + " state "
          + state.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Marks a slot healthy at once, before HAProxy's own checks have run. */
  record SetHealthUp(String backend, String server) implements RuntimeCommand {
    @Override
    public String cli() {
      return "set server " + backend + "/" + server + " health up";
    }
  }

  /** Sets a slot's weight (0-256). */
  record SetWeight(String backend, String server, int weight) implements RuntimeCommand {
    @Override
    public String cli() {
      return "set weight " + backend + "/" + server + " " + weight;
    }
  }
}

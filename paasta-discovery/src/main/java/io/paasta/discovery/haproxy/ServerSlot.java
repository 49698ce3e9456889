package io.paasta.discovery.haproxy;

/**
 * One pre-allocated server of a backend as HAProxy's {@code show servers state} reports it. A slot
 * in forced maintenance is free; otherwise it routes to {@code address:port}.
 *
 * @param adminState HAProxy's admin flags (forced maintenance 0x01, forced drain 0x08, ...)
 * @param opState 0 stopped, 1 starting, 2 running, 3 stopping
 */
public record ServerSlot(
    String backend,
    String name,
    String address,
    int port,
    int adminState,
    int opState,
    int weight) {
  static final int ADMIN_FORCED_MAINT = 0x01;
  static final int ADMIN_FORCED_DRAIN = 0x08;

  /** The name of the i-th slot (1-based): {@code s1}, {@code s2}, ... */
  public static String nameOf(int index) {
    return "s" + index;
  }

  /** The 1-based index of this slot, or -1 when its name is not one of ours. */
  public int index() {
    if (name.length() < 2 || name.charAt(0) != 's') {
      return -1;
    }
    try {
      return Integer.parseInt(name.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public boolean free() {
    return (adminState & ADMIN_FORCED_MAINT) != 0;
  }

  public boolean draining() {
    return (adminState & ADMIN_FORCED_DRAIN) != 0;
  }

  /** {@code address:port}, the identity of the endpoint in this slot. */
  public String target() {
    return Addresses.target(address, port);
  }
}

package io.paasta.discovery.haproxy;

/**
 * An endpoint as HAProxy routes to it: an IP address (names resolved), a port and a weight in
 * HAProxy's range 0-256.
 */
public record Target(String address, int port, int weight) {
  public static final int MAX_WEIGHT = 256;

  public Target {
    address = Addresses.normalize(address);
    weight = Math.max(0, Math.min(MAX_WEIGHT, weight));
  }

  /** {@code address:port}, the identity of the endpoint. */
  public String key() {
    return Addresses.target(address, port);
  }
}

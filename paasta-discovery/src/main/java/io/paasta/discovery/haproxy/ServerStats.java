package io.paasta.discovery.haproxy;

/**
 * One server line of HAProxy's stats.
 *
 * @param address {@code ip:port} the server routes to (an empty slot shows {@code 127.0.0.1:1})
 * @param status HAProxy's status: {@code UP}, {@code UP 1/2}, {@code DOWN}, {@code MAINT}, {@code
 *     DRAIN}, {@code no check}, ...
 * @param sessions the sessions HAProxy has open to it now ({@code scur}: requests in flight)
 */
public record ServerStats(String name, String address, String status, int weight, int sessions) {
  /** A server with no session open. */
  public ServerStats(String name, String address, String status, int weight) {
    this(name, address, status, weight, 0);
  }

  /** SmartStack's rule: a backend server counts as available when its status starts with UP. */
  public boolean available() {
    return status.startsWith("UP");
  }
}

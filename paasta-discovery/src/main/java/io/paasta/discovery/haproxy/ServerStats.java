package io.paasta.discovery.haproxy;

/**
 * One server line of HAProxy's stats.
 *
 * @param address {@code ip:port} the server routes to (an empty slot shows {@code 127.0.0.1:1})
 * @param status HAProxy's status: {@code UP}, {@code UP 1/2}, {@code DOWN}, {@code MAINT}, {@code
 *     DRAIN}, {@code no check}, ...
 */
public record ServerStats(String name, String address, String status, int weight) {
  /** SmartStack's rule: a backend server counts as available when its status starts with UP. */
  public boolean available() {
    return status.startsWith("UP");
  }
}

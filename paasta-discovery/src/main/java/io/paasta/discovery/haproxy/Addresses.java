package io.paasta.discovery.haproxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One spelling for IP addresses, so that HAProxy's and Java's forms of an address compare equal.
 */
final class Addresses {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  private Addresses() {}

  /** The canonical form of an IP literal (no name lookup); anything else is returned unchanged. */
  static String normalize(String address) {
    if (!IP_LITERAL.matcher(address).matches()
        || !(address.contains(".") || address.contains(":"))) {
      return address;
    }
    try {
      return InetAddress.getByName(address).getHostAddress(); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return address;
    }
  }

  /** {@code address:port}, IPv6 addresses in brackets. */
  static String target(String address, int port) {
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }
}

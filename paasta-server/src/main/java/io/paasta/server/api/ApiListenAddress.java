package io.paasta.server.api;

import io.paasta.model.SystemConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the API listens: {@code --api-listen HOST:PORT} when given, else 127.0.0.1 at the port of
 * this cluster's entry in the system config's {@code api_endpoints}, else 127.0.0.1:{@value
 * #DEFAULT_PORT}. Only loopback addresses are accepted: the API is for this host.
 *
 * @param origin where the address came from, for the daemon's log
 */
public record ApiListenAddress(InetAddress host, int port, String origin) {
  public static final int DEFAULT_PORT = 5054;

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");

  /** 127.0.0.1, without a lookup. */
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /**
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static ApiListenAddress resolve(Optional<String> flag, SystemConfig system) {
    if (flag.isPresent()) {
      return parse(flag.get());
    }
    String endpoint = system.apiEndpoints().get(system.cluster());
    if (endpoint == null) {
      return new ApiListenAddress(
          LOOPBACK,
          DEFAULT_PORT,
          "the default (the system config's api_endpoints has no entry for cluster '"
              + system.cluster()
              + "')");
    }
    return new ApiListenAddress(
        LOOPBACK,
        portOf(endpoint, system.cluster()),
        "api_endpoints." + system.cluster() + " of the system config");
  }

  /** {@code HOST:PORT} ({@code [::1]:PORT} for IPv6); HOST must be loopback. */
  static ApiListenAddress parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException(
          "--api-listen '" + hostPort + "' is not HOST:PORT (e.g. 127.0.0.1:5054)");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = port(hostPort.substring(colon + 1), "--api-listen '" + hostPort + "'");
    return new ApiListenAddress(loopback(host, hostPort), port, "--api-listen");
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  private static InetAddress loopback(String host, String given) {
    if (host.equalsIgnoreCase("localhost")) {
      return LOOPBACK;
    }
    InetAddress address = null;
    if (IPV4.matcher(host).matches() || host.contains(":")) {
      try {
        address = InetAddress.getByName(host); // an IP literal: no lookup
      } catch (UnknownHostException e) {
        address = null;
      }
    }
    if (address == null || !address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "--api-listen '"
              + given
              + "': the API listens on loopback only (127.0.0.1, ::1 or localhost), not on "
              + host);
    }
    return address;
  }

  private static int portOf(String endpoint, String cluster) {
    String where = "api_endpoints." + cluster + " '" + endpoint + "' of the system config";
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not a URL (e.g. http://127.0.0.1:5054)");
    }
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      return 80;
    }
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return 443;
    }
    throw new IllegalArgumentException(where + " has no port (e.g. http://127.0.0.1:5054)");
  }

  private static int port(String text, String where) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + ": the port must be a number from 0 to 65535");
  }

  @Override
  public String toString() {
    String address = host.getHostAddress();
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }
}

package io.paasta.discovery.zk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ZooKeeper ensemble as PaaSTA's system config names it: {@code
 * zk://host1:2181,host2:2181/optional/chroot} (key {@code zookeeper}). Parsing is pure.
 *
 * @param servers {@code host:port} of every server (a missing port is 2181)
 * @param chroot the path every node of PaaSTA lives under, if any (e.g. {@code /paasta})
 */
public record ZooKeeperAddress(List<String> servers, Optional<String> chroot) {
  /** The system config key that names the ensemble. */
  public static final String SYSTEM_CONFIG_KEY = "zookeeper";

  public static final int DEFAULT_PORT = 2181;

  private static final String SCHEME = "zk://";
  private static final String EXPECTED =
      "expected zk://host:port[,host:port...][/chroot], e.g. zk://127.0.0.1:2181/paasta";
  private static final Pattern SERVER =
      Pattern.compile(
          "(?<host>[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:(?<port>[0-9]{1,5}))?");
  private static final Pattern CHROOT = Pattern.compile("(/[^/\\s]+)+");

  public ZooKeeperAddress {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("a ZooKeeper address needs at least one server");
    }
  }

  /** One server on the loopback interface, no chroot (the embedded server). */
  public static ZooKeeperAddress loopback(int port) {
    return new ZooKeeperAddress(List.of("127.0.0.1:" + port), Optional.empty());
  }

  /**
   * Parses the system config's {@code zookeeper} value.
   *
   * @throws IllegalArgumentException naming the key, the value and the expected form
   */
  public static ZooKeeperAddress parse(String value) {
    if (value == null || !value.startsWith(SCHEME)) {
      throw invalid(value, "it does not start with " + SCHEME);
    }
    String rest = value.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    List<String> servers = new ArrayList<>();
    for (String server : hosts.split(",", -1)) {
      servers.add(server(value, server.trim()));
    }
    return new ZooKeeperAddress(servers, chroot(value, path));
  }

  /** {@code host:port,host:port} for the ZooKeeper client. */
  public String connectString() {
    return String.join(",", servers);
  }

  /** The chroot as a Curator namespace (no leading slash), if any. */
  public Optional<String> curatorNamespace() {
    return chroot.map(path -> path.substring(1));
  }

  @Override
  public String toString() {
    return SCHEME + connectString() + chroot.orElse("");
  }

  private static String server(String value, String server) {
    if (server.isEmpty()) {
      throw invalid(value, "a server is missing (an empty entry in the host list)");
    }
    Matcher matcher = SERVER.matcher(server);
    if (!matcher.matches()) {
      throw invalid(value, "'" + server + "' is not host:port");
    }
    String port = matcher.group("port");
    if (port == null) {
      return server + ":" + DEFAULT_PORT;
    }
    int number = Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      throw invalid(value, "port " + number + " of '" + server + "' is not 1-65535");
    }
    return matcher.group("host") + ":" + number;
  }

  private static Optional<String> chroot(String value, String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (!CHROOT.matcher(trimmed).matches()) {
      throw invalid(value, "chroot '" + path + "' is not a ZooKeeper path");
    }
    for (String segment : trimmed.substring(1).split("/")) {
      if (segment.equals(".") || segment.equals("..") || segment.equals("zookeeper")) {
        throw invalid(value, "chroot '" + path + "' may not use '" + segment + "'");
      }
    }
    return Optional.of(trimmed);
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException(
        "system config key '"
            + SYSTEM_CONFIG_KEY
            + "' is '"
            + value
            + "': "
            + why
            + "; "
            + EXPECTED);
  }
}

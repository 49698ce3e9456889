package io.paasta.discovery.registration;

import io.paasta.discovery.location.Location;
import io.paasta.model.ServiceInstance;

/**
 * Where nerve keeps registrations in ZooKeeper: {@code
 * /nerve/<type>:<location>/<service>.<namespace>/<node>}. A task's node name is derived from its
 * host and port only, so registering the same task again writes the same node.
 */
public final class NervePaths {
  /** The root of every registration. */
  public static final String ROOT = "/nerve";

  private NervePaths() {}

  /** {@code /nerve/<type>:<location>/<service>.<namespace>}: the parent of a namespace's nodes. */
  public static String namespacePath(Location location, ServiceInstance namespace) {
    return ROOT + "/" + location + "/" + namespace;
  }

  /** {@code <host>_<port>}: the node name (and registration name) of one task. */
  public static String nodeName(String host, int port) {
    if (host.isBlank() || host.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          "a registered host may not be blank or contain '/': " + host);
    }
    return host + "_" + port;
  }

  /** The full path of one task's node. */
  public static String nodePath(
      Location location, ServiceInstance namespace, String host, int port) {
    return namespacePath(location, namespace) + "/" + nodeName(host, port);
  }
}

package io.paasta.cli.fsm;

import io.paasta.cli.UserException;
import java.util.Set;

/** The proxy_port {@code paasta fsm} gives a new service: the lowest one of the range not used. */
public final class ProxyPortChoice {
  public static final int FIRST = 19000;
  public static final int LAST = 21000;

  private ProxyPortChoice() {}

  /**
   * @param used the proxy ports of the tree's smartstack.yaml files
   * @throws UserException when every port of the range is used
   */
  public static int first(Set<Integer> used) {
    for (int port = FIRST; port <= LAST; port++) {
      if (!used.contains(port)) {
        return port;
      }
    }
    throw new UserException(
        "There are no more ports available in the range [" + FIRST + ", " + LAST + "]");
  }
}

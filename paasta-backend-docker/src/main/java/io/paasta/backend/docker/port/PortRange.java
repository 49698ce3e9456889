package io.paasta.backend.docker.port;

/**
 * The host ports tasks may be given, inclusive: by default 31000-32767, Mesos's range cut below
 * Linux's ephemeral ports (32768 and up), so an outgoing connection never takes a port a task is
 * about to be given.
 */
public record PortRange(int first, int last) {
  public static final PortRange DEFAULT = new PortRange(31000, 32767);

  public PortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException(
          "the port range " + first + "-" + last + " is not within 1-65535 with first <= last");
    }
  }

  /** {@code first-last}, e.g. {@code 31000-32999}. */
  public static PortRange parse(String text) {
    String[] parts = text.trim().split("-", 2);
    try {
      int first = Integer.parseInt(parts[0].trim());
      int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
      return new PortRange(first, last);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the port range \"" + text + "\" is not first-last, e.g. 31000-32767", e);
    }
  }

  public int size() {
    return last - first + 1;
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}

package io.paasta.monitoring.check;

/**
 * PaaSTA's replication rule: {@code available / expected * 100 < threshold} is under-replicated;
 * nothing expected is 100%.
 */
public final class ReplicationRule {
  private ReplicationRule() {}

  /** The percentage available of expected; 100 when nothing is expected. */
  public static double ratio(int available, int expected) {
    return expected == 0 ? 100.0 : available * 100.0 / expected;
  }

  public static boolean underReplicated(int available, int expected, double threshold) {
    return ratio(available, expected) < threshold;
  }

  /** The expected count per location: {@code int(expected / number of locations)}. */
  public static int expectedPerLocation(int expected, int locations) {
    return locations == 0 ? expected : expected / locations;
  }

  /** A percentage as PaaSTA printed it ({@code %d%%}: truncated), e.g. {@code 66%}. */
  static String percent(double value) {
    return (long) value + "%";
  }

  /** A threshold as written: {@code 50%}, or {@code 33.5%} when it has a fraction. */
  static String threshold(double value) {
    return value == Math.rint(value) ? (long) value + "%" : value + "%";
  }
}

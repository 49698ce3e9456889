package io.paasta.monitoring.alert;

/**
 * When a failure that keeps failing is alerted again ({@code realert_every}), counted in failing
 * evaluations since the first alert (attempt 1 is the first alert), as Yelp's Sensu handlers did.
 */
public sealed interface Realert {
  /** Whether the failing evaluation numbered {@code attempt} (from 1) is alerted. */
  boolean alertsAt(int attempt);

  /** The value written into events: -1 for exponential backoff, else the occurrence count. */
  int wireValue();

  /** {@code -1}: alert on attempts 1, 2, 4, 8, ... */
  record Exponential() implements Realert {
    @Override
    public boolean alertsAt(int attempt) {
      return attempt > 0 && (attempt & (attempt - 1)) == 0;
    }

    @Override
    public int wireValue() {
      return -1;
    }
  }

  /** {@code N}: alert on attempts 1, 1+N, 1+2N, ... */
  record Every(int occurrences) implements Realert {
    public Every {
      if (occurrences < 1) {
        throw new IllegalArgumentException("realert_every must be at least 1: " + occurrences);
      }
    }

    @Override
    public boolean alertsAt(int attempt) {
      return attempt > 0 && (attempt - 1) % occurrences == 0;
    }

    @Override
    public int wireValue() {
      return occurrences;
    }
  }
}

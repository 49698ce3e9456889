package io.paasta.monitoring.send;

/**
 * Where monitoring writes its lines: the daemon's log. Implementations must be thread-safe and must
 * not block for long.
 */
public interface MonitoringLog {
  void info(String message);

  void warn(String message);

  /** A log that writes nothing, for tools and benchmarks. */
  static MonitoringLog discard() {
    return new MonitoringLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}

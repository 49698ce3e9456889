package io.paasta.planning.autoscaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * PaaSTA's forecast policies over a load history (oldest first, never empty; the last point is the
 * current load).
 */
final class Forecasts {
  private Forecasts() {}

  static double forecast(AutoscalingParams params, List<LoadPoint> history) {
    return switch (params.forecast()) {
      case CURRENT -> history.get(history.size() - 1).load();
      case MOVING_AVERAGE -> movingAverage(history, params.movingAverageWindow());
      case LINREG -> linreg(history, params.linregWindow(), params.linregExtrapolation());
    };
  }

  /** The mean of the loads within {@code window} before the last point (both ends included). */
  static double movingAverage(List<LoadPoint> history, Duration window) {
    List<LoadPoint> points = trailing(history, window);
    return points.stream().mapToDouble(LoadPoint::load).average().orElseThrow();
  }

  /**
   * A least-squares line through the loads within {@code window}, read at each extrapolation time
   * after the last point; the largest value wins. With one point the slope is 0.
   */
  static double linreg(List<LoadPoint> history, Duration window, List<Duration> ahead) {
    List<LoadPoint> points = trailing(history, window);
    Instant origin = points.get(0).at();
    double meanTime = points.stream().mapToDouble(p -> seconds(origin, p.at())).average().orElse(0);
    double meanLoad = points.stream().mapToDouble(LoadPoint::load).average().orElse(0);
    double slope = 0;
    if (points.size() > 1) {
      double covariance = 0;
      double variance = 0;
      for (LoadPoint p : points) {
        double dt = seconds(origin, p.at()) - meanTime;
        covariance += dt * (p.load() - meanLoad);
        variance += dt * dt;
      }
      slope = variance == 0 ? 0 : covariance / variance;
    }
    double now = seconds(origin, history.get(history.size() - 1).at());
    double best = Double.NEGATIVE_INFINITY;
    for (Duration d : ahead) {
      double t = now + d.toMillis() / 1000.0;
      best = Math.max(best, meanLoad + slope * (t - meanTime));
    }
    return best;
  }

  private static List<LoadPoint> trailing(List<LoadPoint> history, Duration window) {
    Instant end = history.get(history.size() - 1).at();
    Instant begin = end.minus(window);
    return history.stream().filter(p -> !p.at().isBefore(begin) && !p.at().isAfter(end)).toList();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}

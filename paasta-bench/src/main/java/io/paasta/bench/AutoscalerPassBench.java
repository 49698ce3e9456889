package io.paasta.bench;

import io.paasta.planning.autoscaling.AutoscalingDecision;
import io.paasta.planning.autoscaling.AutoscalingInput;
import io.paasta.planning.autoscaling.AutoscalingParams;
import io.paasta.planning.autoscaling.AutoscalingPlanner;
import io.paasta.planning.autoscaling.LoadPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark driver (issue 17): one decision pass of the autoscaler over N autoscaled instances in
 * memory (pure: each instance's autoscaling dict read, its utilization and 30-point load history
 * given, the decision made; no metrics, no store). A third each of the instances are proportional
 * with forecast current, moving_average and linreg (a tenth threshold instead). Prints the first
 * (cold) pass, then the median (wall and the thread's CPU time) and best of warm passes, and how
 * many decisions scale. Asserts nothing about speed.
 */
public final class AutoscalerPassBench {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private AutoscalerPassBench() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<Map<String, Object>> dicts = new ArrayList<>();
    List<List<LoadPoint>> histories = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      dicts.add(dict(i));
      List<LoadPoint> history = new ArrayList<>();
      for (int p = 30; p >= 1; p--) {
        history.add(new LoadPoint(NOW.minusSeconds(60L * p), 2 + (i + p) % 5));
      }
      histories.add(history);
    }
    double[] times = new double[runs];
    double[] cpu = new double[runs];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    int scaling = 0;
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      scaling = pass(dicts, histories);
      cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
      times[r] = (System.nanoTime() - start) / 1e6;
    }
    double first = times[0];
    double[] warm = Arrays.copyOfRange(times, Math.min(5, runs - 1), runs);
    Arrays.sort(warm);
    double[] warmCpu = Arrays.copyOfRange(cpu, Math.min(5, runs - 1), runs);
    Arrays.sort(warmCpu);
    System.out.printf(
        "autoscaler decision pass over %d instances (%d scale): first (cold) %.1f ms; warm"
            + " median %.1f ms wall (%.1f ms CPU), best %.1f ms (%d warm passes)%n",
        count,
        scaling,
        first,
        warm[warm.length / 2],
        warmCpu[warmCpu.length / 2],
        warm[0],
        warm.length);
  }

  private static int pass(List<Map<String, Object>> dicts, List<List<LoadPoint>> histories) {
    int scaling = 0;
    for (int i = 0; i < dicts.size(); i++) {
      AutoscalingParams params = AutoscalingParams.from(dicts.get(i));
      int current = 2 + i % 8;
      double utilization = (i % 100) / 100.0;
      AutoscalingDecision decision =
          AutoscalingPlanner.decide(
              AutoscalingInput.measured(
                  params, current, 1, 20, utilization, current, histories.get(i), NOW));
      if (decision.changesCount()) {
        scaling++;
      }
    }
    return scaling;
  }

  private static Map<String, Object> dict(int i) {
    if (i % 10 == 9) {
      return Map.of("metrics_provider", "cpu", "decision_policy", "threshold", "setpoint", 0.7);
    }
    String forecast = List.of("current", "moving_average", "linreg").get(i % 3);
    return Map.of(
        "metrics_provider", "http", "setpoint", 0.8, "offset", 0.05, "forecast_policy", forecast);
  }
}

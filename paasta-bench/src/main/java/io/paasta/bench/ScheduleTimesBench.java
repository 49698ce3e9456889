package io.paasta.bench;

import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.model.schedule.RunTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark driver: what the scheduler asks of {@link ScheduleTimes} at every pass, for N jobs in
 * memory: parse each job's schedule in its zone ({@code ScheduleTimes.of}), then its last run at or
 * before now and its next run after now. The schedules mix cron lines (every minute to yearly,
 * nicknames, one impossible date) and ISO 8601 repeating intervals, in zones with and without
 * daylight saving, and the passes run across a daylight-saving change. Prints the first (cold) and
 * best pass, per job, and the heap in use; asserts nothing.
 */
public final class ScheduleTimesBench {
  private ScheduleTimesBench() {}

  private static final List<String> SCHEDULES =
      List.of(
          "* * * * *",
          "*/5 * * * *",
          "30 * * * *",
          "0 3 * * *",
          "30 2 * * 1-5",
          "0 0 1 * *",
          "@daily",
          "@weekly",
          "@yearly",
          "15 9 * JAN-MAR/2 mon,FRI",
          "0 0 30 2 *",
          "R/2026-01-01T00:00:00Z/PT24H",
          "R/2026-01-01T02:30:00/P1D",
          "R/2026-03-01T01:15:00Z/PT90M",
          "R10/2026-01-31T00:00:00Z/P1M",
          "R1/2026-12-01T00:00:00Z/PT1H");
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Amsterdam"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"));

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<String> schedules = new ArrayList<>(count);
    List<ZoneId> zones = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      schedules.add(SCHEDULES.get(i % SCHEDULES.size()));
      zones.add(ZONES.get((i / SCHEDULES.size()) % ZONES.size()));
    }
    // Amsterdam's clocks go back at 01:00Z on 25 October 2026: passes every 10 s around it
    Instant now = Instant.parse("2026-10-25T00:59:00Z");
    long cold = pass(schedules, zones, now);
    long best = Long.MAX_VALUE;
    for (int run = 0; run < runs; run++) {
      best = Math.min(best, pass(schedules, zones, now.plusSeconds(10L * (run + 1))));
    }
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    System.out.printf(
        "schedule pass over %d jobs (of + atOrBefore + after): first %.1f ms, best of %d %.1f ms"
            + " (%.2f us a job); heap in use %d MiB%n",
        count, cold / 1e6, runs, best / 1e6, best / 1e3 / count, usedMb);
  }

  private static long sink;

  private static long pass(List<String> schedules, List<ZoneId> zones, Instant now) {
    long start = System.nanoTime();
    long found = 0;
    for (int i = 0; i < schedules.size(); i++) {
      RunTimes times = ScheduleTimes.of(schedules.get(i), zones.get(i)).orElseThrow();
      found += times.atOrBefore(now).map(Instant::getEpochSecond).orElse(0L);
      found += times.after(now).map(Instant::getEpochSecond).orElse(0L);
    }
    sink += found;
    return System.nanoTime() - start;
  }
}

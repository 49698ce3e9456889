package io.paasta.bench.logs;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.logs.TaskOutputCollector;
import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogFileWriter;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogFollower;
import io.paasta.config.logs.LogLine;
import io.paasta.engine.DockerEngine;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import io.paasta.server.logs.ServiceLogs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures of {@code paasta logs} (bench/logs.sh). Not a test: prints figures, asserts nothing.
 *
 * <ul>
 *   <li>{@code generate FORMAT SERVICE BYTES SPAN_DAYS MAX_FILE_BYTES KEEP_FILES}: writes about
 *       BYTES of log lines for SERVICE with the file writer (rotating as configured), timestamps
 *       spread evenly over SPAN_DAYS ending now; prints the first and last time.
 *   <li>{@code collect CLUSTER FORMAT SECONDS}: runs the output collector on the engine's managed
 *       containers of CLUSTER (started by the script), writing with the file writer, and follows
 *       the files as {@code paasta logs -f} does (polling every 50 ms); prints (a) the latency from
 *       the engine's timestamp of a line to the follower reading it (p50/p99/max) and (d) the
 *       process CPU per second of wall time while the lines come.
 * </ul>
 */
public final class LogsBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LogsBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 7 && args[0].equals("generate")) {
      generate(
          args[1],
          args[2],
          Long.parseLong(args[3]),
          Integer.parseInt(args[4]),
          Long.parseLong(args[5]),
          Integer.parseInt(args[6]));
    } else if (args.length == 4 && args[0].equals("collect")) {
      collect(args[1], args[2], Integer.parseInt(args[3]));
    } else {
      System.err.println(
          "usage: LogsBench generate FORMAT SERVICE BYTES SPAN_DAYS MAX_FILE_BYTES KEEP_FILES\n"
              + "       LogsBench collect CLUSTER FORMAT SECONDS");
      System.exit(2);
    }
  }

  private static void generate(
      String format, String service, long bytes, int spanDays, long maxFileBytes, int keep)
      throws IOException {
    String payload = "GET /api/v1/things?page=42 200 12.3ms user-agent=bench ".repeat(2);
    int lineBytes =
        LogLine.output(Instant.now(), "stdout", "bench", service, "main", "0123456789ab", payload)
                .toJson()
                .length()
            + 1;
    long lines = bytes / lineBytes;
    Instant end = Instant.now();
    Instant start = end.minus(Duration.ofDays(spanDays));
    long stepNanos = Duration.ofDays(spanDays).toNanos() / Math.max(1, lines);
    long began = System.nanoTime();
    try (LogFileWriter writer = new LogFileWriter(format, maxFileBytes, keep)) {
      for (long i = 0; i < lines; i++) {
        Instant at = start.plusNanos(i * stepNanos);
        String stream = i % 10 == 0 ? "stderr" : "stdout";
        String instance = i % 3 == 0 ? "canary" : "main";
        writer.write(
            LogLine.output(at, stream, "bench", service, instance, "0123456789ab", payload + i));
      }
    }
    System.out.printf(
        "generated %d lines (%d MB) for %s from %s to %s in %.1f s%n",
        lines,
        lines * lineBytes / 1_000_000,
        service,
        start,
        end,
        (System.nanoTime() - began) / 1e9);
  }

  private static void collect(String cluster, String format, int seconds) throws Exception {
    List<Double> latencies = new ArrayList<>();
    AtomicLong written = new AtomicLong();
    DockerEngine engine = DockerEngine.fromEnvironment();
    try (LogFileWriter writer = new LogFileWriter(format, 100L * 1024 * 1024, 2);
        DockerClient docker = engine.open()) {
      TaskLogSink sink =
          new TaskLogSink() {
            @Override
            public Optional<Instant> storedUpTo(String taskId) {
              return Optional.of(Instant.now().minusSeconds(1));
            }

            @Override
            public void output(
                InstanceRef ref, String taskId, String stream, Instant at, String text) {
              try {
                writer.write(
                    LogLine.output(
                        at, stream, cluster, ref.service(), ref.instance(), taskId, text));
                written.incrementAndGet();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }

            @Override
            public void outputs(List<Output> lines) {
              List<LogLine> logLines = ServiceLogs.logLinesOf(lines, cluster);
              try {
                writer.write(logLines);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              written.addAndGet(lines.size());
            }

            @Override
            public void lifecycle(InstanceRef ref, String taskId, Instant at, String message) {}
          };
      try (TaskOutputCollector collector =
          new TaskOutputCollector(docker, engine.host(), cluster, sink, Duration.ofMillis(500))
              .start()) {
        Thread.sleep(3000); // the collector finds the containers
        java.nio.file.Files.createDirectories(
            java.nio.file.Path.of(format.replace("{service}", "logbench")).getParent());
        try (LogFollower follower = new LogFollower(format, "logbench", LogFilter.all())) {
          long cpu0 = cpuNanos();
          Map<String, Long> threads0 = threadCpuNanos();
          long follower0 = THREADS.getCurrentThreadCpuTime();
          long lines0 = written.get();
          long wall0 = System.nanoTime();
          long until = wall0 + Duration.ofSeconds(seconds).toNanos();
          while (System.nanoTime() < until) {
            Instant now = Instant.now();
            for (LogEntry entry : follower.poll()) {
              latencies.add(Duration.between(entry.line().timestamp(), now).toNanos() / 1e6);
            }
            Thread.sleep(50);
          }
          double wall = (System.nanoTime() - wall0) / 1e9;
          double cpu = (cpuNanos() - cpu0) / 1e9;
          double followerCpu = (THREADS.getCurrentThreadCpuTime() - follower0) / 1e9;
          Map<String, Long> byThread = threadCpuNanos();
          long lines = written.get() - lines0;
          latencies.sort(Double::compare);
          System.out.printf(
              "(d) collected %d lines in %.1f s (%.0f lines/s) from %d containers; process CPU"
                  + " %.1f %% of one core (collector, file writer and the follower)%n",
              lines, wall, lines / wall, collector.following(), 100 * cpu / wall);
          System.out.printf(
              "(d) without the follower (the bench's `paasta logs -f`): %.1f %% of one core,"
                  + " %.1f us of CPU per line%n",
              100 * (cpu - followerCpu) / wall, 1e6 * (cpu - followerCpu) / Math.max(1, lines));
          byThread.replaceAll((name, nanos) -> nanos - threads0.getOrDefault(name, 0L));
          long javaThreads = byThread.values().stream().mapToLong(Long::longValue).sum();
          byThread.put("(not a Java thread: GC, JIT, VM)", Math.round(cpu * 1e9) - javaThreads);
          byThread.entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
              .filter(e -> e.getValue() >= wall * 1e9 / 1000)
              .forEach(
                  e ->
                      System.out.printf(
                          "    %5.1f %% of one core  %s%n",
                          100 * e.getValue() / 1e9 / wall, e.getKey()));
          if (!latencies.isEmpty()) {
            System.out.printf(
                "(a) engine timestamp -> follower read, %d lines: p50 %.0f ms, p99 %.0f ms, max %.0f"
                    + " ms%n",
                latencies.size(),
                latencies.get(latencies.size() / 2),
                latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.99)),
                latencies.get(latencies.size() - 1));
          }
        }
      }
    }
  }

  /**
   * The CPU time of the live threads by name (digits taken out, so that the threads of a pool add
   * up); the follower is the main thread.
   */
  private static Map<String, Long> threadCpuNanos() {
    Map<String, Long> byName = new TreeMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null) {
        long nanos = THREADS.getThreadCpuTime(info.getThreadId());
        if (nanos > 0) {
          String name =
              info.getThreadId() == Thread.currentThread().getId()
                  ? "main (the follower)"
                  : info.getThreadName().replaceAll("[0-9]+", "N");
          byName.merge(name, nanos, Long::sum);
        }
      }
    }
    return byName;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

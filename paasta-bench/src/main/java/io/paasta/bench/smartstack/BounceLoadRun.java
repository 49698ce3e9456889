package io.paasta.bench.smartstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phase (2): consecutive crossover bounces of a three-task instance under steady load through the
 * proxy port. Scales the instance to three tasks, starts the load, waits a quiet spell, then runs
 * the bounces one after another (each from its config change until HAProxy routes to exactly the
 * three new tasks and the old ones are gone, then a short pause), and a last quiet spell. Counts
 * HAProxy's reloads from its master across the bounces.
 */
final class BounceLoadRun {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration BOUNCE_TIMEOUT = Duration.ofSeconds(180);

  /**
   * How the run is shaped.
   *
   * @param rate requests per second over all workers; {@link #CLOSED_LOOP} for none (each worker
   *     sends its next request as soon as the last one is answered)
   * @param baseline whether the same load then runs as long again without bounces
   */
  record Settings(
      int tasks,
      int bounces,
      int rate,
      int workers,
      Duration quiet,
      Duration pause,
      boolean baseline) {
    boolean closedLoop() {
      return rate >= CLOSED_LOOP;
    }
  }

  /** A rate no worker can reach: the workers are never paced. */
  static final int CLOSED_LOOP = 1_000_000;

  /**
   * What phase (2) measured.
   *
   * @param lasted how long the load of the bounces ran
   * @param baseline the same load for as long without bounces, when asked for
   */
  record Result(
      LoadSplit split,
      Latencies bounceDurations,
      int reloads,
      List<LoadSplit.Window> windows,
      Duration lasted,
      java.util.Optional<LoadSplit.Part> baseline) {}

  private final InstanceFile instance;
  private final Announcements tasks;
  private final ProxyView proxy;
  private final int proxyPort;
  private Set<Integer> current;

  BounceLoadRun(
      InstanceFile instance, Announcements tasks, ProxyView proxy, int proxyPort, int current) {
    this.instance = instance;
    this.tasks = tasks;
    this.proxy = proxy;
    this.proxyPort = proxyPort;
    this.current = Set.of(current);
  }

  Result run(Settings settings) throws Exception {
    scaleUp(settings.tasks());
    int reloadsBefore = proxy.reloads();
    long maxSeconds = settings.bounces() * 60L + 2 * settings.quiet().toSeconds() + 60;
    LoadGenerator load = load(settings, maxSeconds);
    long started = System.nanoTime();
    load.start();
    List<LoadSplit.Window> windows = new ArrayList<>();
    List<LoadGenerator.Sample> samples;
    try {
      Thread.sleep(settings.quiet().toMillis());
      for (int b = 1; b <= settings.bounces(); b++) {
        LoadSplit.Window window = bounce(settings.tasks());
        windows.add(window);
        Progress.say(
            "bounce %d of %d: %s ms",
            b, settings.bounces(), Latencies.ms(window.endNanos() - window.startNanos()));
        Thread.sleep(settings.pause().toMillis());
      }
      Thread.sleep(settings.quiet().toMillis());
    } finally {
      samples = load.stop();
    }
    Duration lasted = Duration.ofNanos(System.nanoTime() - started);
    if (load.boundReached()) {
      Progress.say("the load stopped at its bound before the bounces ended");
    }
    int reloads = proxy.reloads() - reloadsBefore;
    long[] durations = windows.stream().mapToLong(w -> w.endNanos() - w.startNanos()).toArray();
    java.util.Optional<LoadSplit.Part> baseline =
        settings.baseline()
            ? java.util.Optional.of(baseline(settings, maxSeconds, lasted))
            : java.util.Optional.empty();
    return new Result(
        LoadSplit.of(samples, windows),
        new Latencies(durations),
        reloads,
        windows,
        lasted,
        baseline);
  }

  /** The same load, as long as the bounces' load lasted, with no bounce. */
  private LoadSplit.Part baseline(Settings settings, long maxSeconds, Duration lasted)
      throws InterruptedException {
    Progress.say("the same load for %d s without bounces", lasted.toSeconds());
    LoadGenerator load = load(settings, maxSeconds);
    load.start();
    List<LoadGenerator.Sample> samples;
    try {
      Thread.sleep(lasted.toMillis());
    } finally {
      samples = load.stop();
    }
    return LoadSplit.of(samples, List.of()).outside();
  }

  private LoadGenerator load(Settings settings, long maxSeconds) {
    return new LoadGenerator(
        proxyPort,
        "/id",
        settings.rate(),
        settings.workers(),
        maxSeconds,
        (long) settings.rate() * maxSeconds);
  }

  private void scaleUp(int count) throws Exception {
    instance.scale(count);
    Set<Integer> ports = new HashSet<>(current);
    ports.addAll(tasks.await(count - current.size(), START_TIMEOUT));
    new Convergence(proxy).await(ports, List.of(), START_TIMEOUT);
    current = Set.copyOf(ports);
  }

  private LoadSplit.Window bounce(int count) throws Exception {
    long start = System.nanoTime();
    instance.bounce();
    Set<Integer> fresh = Set.copyOf(tasks.await(count, START_TIMEOUT));
    new Convergence(proxy).await(fresh, current, BOUNCE_TIMEOUT);
    long end = System.nanoTime();
    current = fresh;
    return new LoadSplit.Window(start, end);
  }

  /** Failures ordered by time, each with its offset from the start of the nearest bounce. */
  static List<String> describeFailures(
      List<LoadGenerator.Sample> failures, List<LoadSplit.Window> windows) {
    List<String> lines = new ArrayList<>();
    for (LoadGenerator.Sample s :
        failures.stream()
            .sorted(Comparator.comparingLong(LoadGenerator.Sample::startNanos))
            .toList()) {
      LoadSplit.Window nearest =
          windows.stream()
              .min(Comparator.comparingLong(w -> Math.abs(s.startNanos() - w.startNanos())))
              .orElse(new LoadSplit.Window(s.startNanos(), s.startNanos()));
      int bounce = windows.indexOf(nearest) + 1;
      lines.add(
          String.format(
              "%s (bounce %d %+.0f ms from its start, bounce lasted %s ms, latency %s ms)",
              s.failure(),
              bounce,
              (s.startNanos() - nearest.startNanos()) / 1e6,
              Latencies.ms(nearest.endNanos() - nearest.startNanos()),
              Latencies.ms(s.latencyNanos())));
    }
    return lines;
  }
}

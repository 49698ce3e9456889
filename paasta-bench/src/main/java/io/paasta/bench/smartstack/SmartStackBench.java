package io.paasta.bench.smartstack;

import io.paasta.discovery.haproxy.LoopbackPorts;
import io.paasta.discovery.location.Location;
import io.paasta.model.ServiceInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark driver for SmartStack under the real daemon ({@code bench/smartstack.sh} starts {@code
 * paasta server}, its embedded ZooKeeper and HAProxy, and hands this the paths and ports). It owns
 * the benchmark instance's marathon file and measures through the proxy port:
 *
 * <ol>
 *   <li>propagation latency ({@link PropagationRun}): a task turning healthy to its first request
 *       served through HAProxy, over repeated bounces of a one-task instance;
 *   <li>crossover bounces of three tasks under load ({@link BounceLoadRun}): requests, failures and
 *       latency during and outside bounces, and HAProxy reloads.
 * </ol>
 *
 * Prints a Markdown table on stdout, progress on stderr. Asserts nothing about speed.
 *
 * <p>{@code SmartStackBench ports N} prints N distinct free ports of 127.0.0.1, one a line.
 */
public final class SmartStackBench {
  private SmartStackBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("ports")) {
      printFreePorts(Integer.parseInt(args[1]));
      return;
    }
    if (args.length == 0 || !args[0].equals("run")) {
      throw new IllegalArgumentException("usage: SmartStackBench ports N | run --name value...");
    }
    Map<String, String> opts = options(java.util.Arrays.copyOfRange(args, 1, args.length));
    int proxyPort = Integer.parseInt(need(opts, "proxy-port"));
    Announcements tasks = new Announcements(Path.of(need(opts, "announce")));
    ProxyView proxy = new ProxyView(Path.of(need(opts, "haproxy-dir")), need(opts, "namespace"));
    InstanceFile instance =
        new InstanceFile(Path.of(need(opts, "instance-file")), Path.of(need(opts, "template")));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "100"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
    BounceLoadRun.Settings load =
        new BounceLoadRun.Settings(
            3,
            Integer.parseInt(opts.getOrDefault("bounces", "20")),
            Integer.parseInt(opts.getOrDefault("rate", "200")),
            Integer.parseInt(opts.getOrDefault("workers", "4")),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            opts.getOrDefault("baseline", "no").equals("yes"));

    Progress.say("first deploy of one task");
    tasks.clear();
    instance.scale(1);
    int first = tasks.await(1, Duration.ofSeconds(180)).get(0);
    new Convergence(proxy).await(Set.of(first), List.of(), Duration.ofSeconds(120));
    Progress.say("routed to the task on port %d; %d propagation rounds", first, rounds);
    PropagationRun.Result one;
    PropagationRun propagation;
    try (RegistrationWatch registrations =
        new RegistrationWatch(
            Integer.parseInt(need(opts, "zookeeper-port")),
            namespace(need(opts, "namespace")),
            Location.parse(need(opts, "discover"), "--discover"))) {
      propagation = new PropagationRun(instance, tasks, proxy, registrations, proxyPort, first);
      one = propagation.run(warmup, rounds);
    }
    Progress.say("propagation: %s", one.latencies().summary());
    Progress.say("%d bounces of 3 tasks under %s", load.bounces(), loadName(load));
    BounceLoadRun.Result two =
        new BounceLoadRun(instance, tasks, proxy, proxyPort, propagation.current()).run(load);
    report(one, two, load);
    List<LoadGenerator.Sample> failures = two.split().during().failures();
    BounceLoadRun.describeFailures(failures, two.windows()).stream()
        .limit(20)
        .forEach(line -> Progress.say("failed during a bounce: %s", line));
    BounceLoadRun.describeFailures(two.split().outside().failures(), two.windows()).stream()
        .limit(20)
        .forEach(line -> Progress.say("failed outside bounces: %s", line));
    two.baseline().stream()
        .flatMap(baseline -> baseline.failures().stream())
        .limit(20)
        .forEach(s -> Progress.say("failed without bounces: %s", s.failure()));
  }

  private static void report(
      PropagationRun.Result one, BounceLoadRun.Result two, BounceLoadRun.Settings load) {
    System.out.printf(
        "SmartStack through the daemon (`paasta server`, embedded ZooKeeper, HAProxy): %d CPUs,"
            + " Java %s%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.println("| what | figure | goal |");
    System.out.println("| --- | --- | --- |");
    System.out.printf(
        "| (1) propagation: task healthy (its own port first answers /status) to its first"
            + " request served through HAProxy; %d tasks, each from a bounce of a 1-task instance"
            + " | %s | p99 < 250 ms |%n",
        one.latencies().count(), one.latencies().summary());
    System.out.printf(
        "| (1) of which: healthy to registered in ZooKeeper (seen by a watch of our own) | %s |"
            + " |%n",
        one.toRegistered().summary());
    System.out.printf(
        "| (1) of which: registered to the first request served through HAProxy | %s | |%n",
        one.registeredToServed().summary());
    System.out.printf(
        "| (2) %d crossover bounces of %d tasks under %s through the proxy port: one"
            + " bounce, from the config change to the old tasks gone | median %s ms, max %s ms |"
            + " |%n",
        load.bounces(),
        load.tasks(),
        loadName(load),
        Latencies.ms(two.bounceDurations().percentile(0.5)),
        Latencies.ms(two.bounceDurations().max()));
    System.out.printf(
        "| (2) requests during bounces | %s | 0 failed |%n", part(two.split().during()));
    System.out.printf("| (2) requests outside bounces | %s | |%n", part(two.split().outside()));
    two.baseline()
        .ifPresent(
            baseline ->
                System.out.printf(
                    "| (2) all requests of the bounces' load (%d s: bounces, pauses, quiet spells)"
                        + " | %s | no more failed than without bounces |%n"
                        + "| (2) the same load for as long without bounces | %s | |%n",
                    two.lasted().toSeconds(), part(two.split().all()), part(baseline)));
    System.out.printf(
        "| (2) HAProxy reloads during the %d bounces (master CLI `show proc`) | %d | 0 |%n",
        load.bounces(), two.reloads());
    System.out.printf(
        "| (1) HAProxy reloads during the %d propagation rounds | %d | |%n",
        one.latencies().count(), one.reloads());
    if (one.lateAnnouncements() > 0) {
      System.out.printf(
          "%n%d task(s) of (1) already answered when first polled: their start is late, their"
              + " figure too low.%n",
          one.lateAnnouncements());
    }
  }

  private static String loadName(BounceLoadRun.Settings load) {
    return load.closedLoop()
        ? load.workers() + " connections (each sends its next request once answered)"
        : load.rate() + " req/s from " + load.workers() + " threads";
  }

  /** {@code service.namespace} as a namespace name. */
  private static ServiceInstance namespace(String name) {
    int dot = name.indexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException("--namespace needs service.namespace, not " + name);
    }
    return new ServiceInstance(name.substring(0, dot), name.substring(dot + 1));
  }

  private static String part(LoadSplit.Part part) {
    long timedOut = part.failures().stream().filter(s -> "HTTP 504".equals(s.failure())).count();
    return String.format(
        "%d requests, %d failed (%d of them 504: a task slower than HAProxy's 1 s server timeout);"
            + " latency %s",
        part.requests(), part.failures().size(), timedOut, part.latencies().summary());
  }

  private static void printFreePorts(int count) {
    Set<Integer> ports = new LinkedHashSet<>();
    while (ports.size() < count) {
      ports.add(LoopbackPorts.freePort());
    }
    ports.forEach(System.out::println);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    return opts;
  }

  private static String need(Map<String, String> opts, String name) {
    String value = opts.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}

package io.paasta.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.engine.DockerEngine;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.Labels;
import io.paasta.planning.jobs.JobRun;
import io.paasta.server.DaemonLog;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.jobs.ClusterJobs;
import io.paasta.server.jobs.JobScheduler;
import io.paasta.server.state.SqliteJobRunStore;
import io.paasta.server.state.StateDatabase;
import io.paasta.server.status.StatusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark of a scheduled job's start latency (issue 14, figures a and b); see {@code
 * bench/job-latency.sh}. Not a test: it prints figures and asserts nothing about speed.
 *
 * <p>One soa-configs tree of a scratch cluster holds N jobs with one-shot {@code R1/<start>/PT1M}
 * schedules a second apart, a few seconds ahead, then P parent-child pairs whose parents are
 * scheduled a second apart after them. The daemon's scheduler runs them on the local Docker backend
 * (real engine, run history in SQLite in a temp state directory) on the wall clock. Then every
 * run's container is inspected: (a) the engine's {@code State.StartedAt} minus the run's scheduled
 * instant; (b) the child's {@code StartedAt} minus its parent's {@code FinishedAt}.
 *
 * <p>Arguments: cluster, registry, service, git sha (the image {@code
 * <registry>/services-<service>:paasta-<sha>} is in the registry), soa-configs dir, state dir, N,
 * P. Removes its cluster's containers at the end.
 */
public final class JobLatencyBench {
  /**
   * How far ahead of the jobs' reload the first one is due: the reload of the tree takes seconds on
   * a loaded machine, and a run due before it counts as late.
   */
  private static final Duration LEAD = Duration.ofSeconds(10);

  private static final Duration GAP = Duration.ofSeconds(1);

  /** How long after the last due time the runs may take to finish, plus 2 s per run. */
  private static final Duration GRACE = Duration.ofSeconds(60);

  private JobLatencyBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 8) {
      System.err.println(
          "usage: JobLatencyBench CLUSTER REGISTRY SERVICE SHA SOA_DIR STATE_DIR JOBS PAIRS");
      System.exit(2);
    }
    String cluster = args[0];
    String registry = args[1];
    String service = args[2];
    String sha = args[3];
    Path soa = Path.of(args[4]);
    Path state = Path.of(args[5]);
    int jobs = Integer.parseInt(args[6]);
    int pairs = Integer.parseInt(args[7]);

    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock);
    SystemConfig system = systemConfig(soa.resolveSibling("etc"), cluster, registry);
    DockerBackendConfig config = DockerBackendConfig.defaults(cluster);
    Files.createDirectories(state);
    Path chronos = soa.resolve(service).resolve("chronos-" + cluster + ".yaml");
    write(soa.resolve(service).resolve("service.yaml"), "description: job latency bench\n");
    write(chronos, "{}\n");
    write(
        soa.resolve(service).resolve("deployments.json"),
        "{\"v2\": {\"deployments\": {\"bench\": {\"docker_image\": \"services-"
            + service
            + ":paasta-"
            + sha
            + "\", \"git_sha\": \""
            + sha
            + "\"}}, \"controls\": {}}}");
    ServiceConfigs configs =
        ServiceConfigs.of(SoaConfigsLoader.open(soa), system, new StatusRegistry(), log, clock);
    try (DockerClient docker = new DockerEngine(config.dockerHost()).open();
        StateDatabase db = StateDatabase.open(state)) {
      DockerBackend backend = DockerBackends.start(config);
      SqliteJobRunStore store = new SqliteJobRunStore(db);
      JobScheduler scheduler =
          new JobScheduler(
              new ClusterJobs(configs, system), backend.jobRunner(), store, log, clock);
      try {
        scheduler.start();
        configs.reloadAll(); // as the daemon's start does: the first pass follows
        // the jobs are added to the running daemon's tree, due a few seconds after that
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(LEAD);
        Map<String, Instant> due = schedules(first, jobs, pairs);
        write(chronos, chronosYaml(service, due, pairs));
        configs.reloadAll();
        Instant last = first.plus(GAP.multipliedBy(jobs + 1 + pairs));
        Instant loaded = Instant.now();
        System.err.printf(
            "[bench] %d jobs and %d pairs due from %s to %s (cluster %s); loaded at %s%n",
            jobs, pairs, first, last, cluster, loaded);
        if (loaded.isAfter(first)) {
          System.err.println(
              "[bench] WARNING: the jobs were loaded after the first was due: the first figures"
                  + " of (a) include the reload");
        }
        List<InstanceRef> all = new ArrayList<>();
        due.keySet().forEach(name -> all.add(ref(service, cluster, name)));
        for (int j = 0; j < pairs; j++) {
          all.add(ref(service, cluster, String.format("c%03d", j)));
        }
        boolean done = waitForAll(store, all, last.plus(GRACE).plusSeconds(2L * all.size()));
        if (!done) {
          System.err.println("[bench] not every run finished in time; the scheduler's log:");
          System.err.print(logBytes.toString(StandardCharsets.UTF_8));
        }
        report(docker, store, service, cluster, due, jobs, pairs);
        engineAlone(docker, registry + "/services-" + service + ":paasta-" + sha, cluster, 10);
        String keep = System.getenv("JOB_LATENCY_LOG");
        if (keep != null && !keep.isEmpty()) {
          Files.write(Path.of(keep), logBytes.toByteArray());
          System.err.println("[bench] the scheduler's log: " + keep);
        }
      } finally {
        scheduler.close();
        removeContainers(docker, cluster);
        backend.close();
      }
    }
  }

  /** When each job with a schedule is due: N jobs, then P parents, a second apart. */
  private static Map<String, Instant> schedules(Instant first, int jobs, int pairs) {
    Map<String, Instant> due = new LinkedHashMap<>();
    for (int i = 0; i < jobs; i++) {
      due.put(String.format("a%03d", i), first.plus(GAP.multipliedBy(i)));
    }
    for (int j = 0; j < pairs; j++) {
      due.put(String.format("p%03d", j), first.plus(GAP.multipliedBy(jobs + 1 + j)));
    }
    return due;
  }

  /** The jobs with their one-shot schedules, and a child of each parent. */
  private static String chronosYaml(String service, Map<String, Instant> due, int pairs) {
    StringBuilder yaml = new StringBuilder();
    due.forEach((name, at) -> yaml.append(job(name, "R1/" + at + "/PT1M", "sleep 1")));
    for (int j = 0; j < pairs; j++) {
      yaml.append(
          String.format(
              "c%03d:%n  parents: [%s.p%03d]%n  cmd: \"true\"%n  deploy_group: bench%n",
              j, service, j));
    }
    return yaml.toString();
  }

  private static String job(String name, String schedule, String cmd) {
    return String.format(
        "%s:%n  schedule: \"%s\"%n  epsilon: PT30S%n  cmd: \"%s\"%n  deploy_group: bench%n",
        name, schedule, cmd);
  }

  /** Writes a file dated a minute back: the daemon reads files that have settled. */
  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
  }

  /** The cluster's system config as the daemon reads it: from a 00-cluster.json of its own. */
  private static SystemConfig systemConfig(Path dir, String cluster, String registry)
      throws IOException {
    write(
        dir.resolve("00-cluster.json"),
        "{\"cluster\": \"" + cluster + "\", \"docker_registry\": \"" + registry + "\"}\n");
    return SystemConfigLoader.loadUsable(dir);
  }

  private static InstanceRef ref(String service, String cluster, String name) {
    return new InstanceRef(service, cluster, name, InstanceKind.CHRONOS);
  }

  private static Optional<JobRun> newest(SqliteJobRunStore store, InstanceRef job) {
    List<JobRun> runs = store.recent(job, 1);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
  }

  private static boolean waitForAll(SqliteJobRunStore store, List<InstanceRef> jobs, Instant until)
      throws InterruptedException {
    while (Instant.now().isBefore(until)) {
      long finished =
          jobs.stream()
              .filter(j -> newest(store, j).map(r -> r.state().finished()).orElse(false))
              .count();
      if (finished == jobs.size()) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  private static void report(
      DockerClient docker,
      SqliteJobRunStore store,
      String service,
      String cluster,
      Map<String, Instant> due,
      int jobs,
      int pairs) {
    List<Long> started = new ArrayList<>();
    List<Long> recorded = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < jobs; i++) {
      String name = String.format("a%03d", i);
      Optional<JobRun> run = newest(store, ref(service, cluster, name));
      Optional<InspectContainerResponse.ContainerState> container = container(docker, run);
      if (run.isEmpty() || container.isEmpty()) {
        missing++;
        continue;
      }
      Instant at = due.get(name);
      started.add(Duration.between(at, Instant.parse(container.get().getStartedAt())).toMillis());
      run.get().start().ifPresent(s -> recorded.add(Duration.between(at, s).toMillis()));
    }
    List<Long> afterParent = new ArrayList<>();
    int missingPairs = 0;
    for (int j = 0; j < pairs; j++) {
      Optional<InspectContainerResponse.ContainerState> parent =
          container(docker, newest(store, ref(service, cluster, String.format("p%03d", j))));
      Optional<InspectContainerResponse.ContainerState> child =
          container(docker, newest(store, ref(service, cluster, String.format("c%03d", j))));
      if (parent.isEmpty() || child.isEmpty()) {
        missingPairs++;
        continue;
      }
      afterParent.add(
          Duration.between(
                  Instant.parse(parent.get().getFinishedAt()),
                  Instant.parse(child.get().getStartedAt()))
              .toMillis());
    }
    System.out.println("| figure | runs | p50 ms | p99 ms | max ms | missing |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    row("(a) scheduled instant -> container StartedAt", started, missing);
    row("(a') scheduled instant -> run's recorded start", recorded, jobs - recorded.size());
    row("(b) parent FinishedAt -> child StartedAt", afterParent, missingPairs);
  }

  /**
   * The floor under (a): {@code count} containers of the same image created and started one after
   * the other straight through the engine's API, from the create call to the engine's StartedAt.
   */
  private static void engineAlone(DockerClient docker, String image, String cluster, int count) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant before = Instant.now();
      String id =
          docker
              .createContainerCmd(image)
              .withLabels(Map.of(Labels.CLUSTER, cluster))
              .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
              .withCmd("true")
              .exec()
              .getId();
      docker.startContainerCmd(id).exec();
      String started = docker.inspectContainerCmd(id).exec().getState().getStartedAt();
      millis.add(Duration.between(before, Instant.parse(started)).toMillis());
    }
    row("engine alone: create call -> StartedAt, one at a time", millis, 0);
  }

  private static Optional<InspectContainerResponse.ContainerState> container(
      DockerClient docker, Optional<JobRun> run) {
    if (run.isEmpty() || run.get().taskId().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          docker.inspectContainerCmd(run.get().taskId().get()).exec().getState());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void row(String label, List<Long> millis, int missing) {
    List<Long> sorted = millis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      System.out.printf("| %s | 0 | - | - | - | %d |%n", label, missing);
      return;
    }
    System.out.printf(
        "| %s | %d | %d | %d | %d | %d |%n",
        label,
        sorted.size(),
        rank(sorted, 0.50),
        rank(sorted, 0.99),
        sorted.get(sorted.size() - 1),
        missing);
  }

  /** The nearest-rank percentile. */
  private static long rank(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static void removeContainers(DockerClient docker, String cluster) {
    List<Container> containers =
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(Labels.CLUSTER, cluster))
            .exec();
    for (Container container : containers) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).exec();
      } catch (RuntimeException ignored) {
        // gone already
      }
    }
  }
}

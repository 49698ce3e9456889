package io.paasta.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One generated service of the benchmark tree: the random choices made for it (drawn once, from a
 * seed) and the soa-configs files that describe it. Every file it writes is valid per SPEC.md
 * section 1: each instance's {@code deploy_group} is a step of deploy.yaml and each registration
 * names a namespace of smartstack.yaml.
 */
final class SyntheticService {

  static final List<String> CLUSTERS = List.of("cluster-a", "cluster-b");
  static final List<String> FILE_NAMES =
      List.of(
          "service.yaml",
          "marathon-cluster-a.yaml",
          "marathon-cluster-b.yaml",
          "smartstack.yaml",
          "monitoring.yaml",
          "deploy.yaml");
  static final int FIRST_PROXY_PORT = 20000;
  static final int MAX_SERVICES = 65535 - FIRST_PROXY_PORT + 1;

  private static final List<String> TEAMS =
      List.of(
          "payments",
          "search",
          "ads",
          "growth",
          "infra",
          "data-platform",
          "mobile-api",
          "reviews",
          "messaging",
          "identity",
          "billing",
          "notifications");
  private static final List<String> LOG_LEVELS = List.of("info", "info", "warning", "debug");
  private static final List<String> MAIN_BOUNCE_METHODS =
      List.of("crossover", "crossover", "crossover", "upthendown", "downthenup", "brutal");
  private static final List<String> CPUS = List.of("0.25", "0.5", "1", "2");
  private static final List<Integer> MEMS = List.of(256, 512, 1024, 2048);
  private static final List<Integer> SERVER_TIMEOUTS_MS = List.of(1000, 2000, 5000);

  /** Per-cluster overrides of the {@code main} and {@code read_only} instances. */
  private record ClusterChoices(
      int mainInstances, String mainCpus, int mainMem, String mainBounce, int readOnlyInstances) {

    static ClusterChoices draw(SplittableRandom random) {
      return new ClusterChoices(
          random.nextInt(2, 11),
          pick(random, CPUS),
          pick(random, MEMS),
          pick(random, MAIN_BOUNCE_METHODS),
          random.nextInt(1, 5));
    }
  }

  private final String name;
  private final int proxyPort;
  private final String team;
  private final String logLevel;
  private final int serverTimeoutMs;
  private final boolean page;
  private final List<ClusterChoices> clusterChoices;

  /**
   * @param name the service name, e.g. {@code svc-0042}
   * @param ordinal 1-based position of the service in the tree; decides its unique proxy_port
   * @param seed the tree's seed; the same (seed, ordinal) always gives the same files
   */
  SyntheticService(String name, int ordinal, long seed) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + ordinal);
    this.name = name;
    this.proxyPort = FIRST_PROXY_PORT + ordinal - 1;
    this.team = pick(random, TEAMS);
    this.logLevel = pick(random, LOG_LEVELS);
    this.serverTimeoutMs = pick(random, SERVER_TIMEOUTS_MS);
    this.page = random.nextInt(4) == 0;
    this.clusterChoices = CLUSTERS.stream().map(c -> ClusterChoices.draw(random)).toList();
  }

  /** Writes the file named {@code fileName} (one of {@link #FILE_NAMES}) to {@code out}. */
  void write(String fileName, Writer out) throws IOException {
    switch (fileName) {
      case "service.yaml" -> out.write(serviceYaml());
      case "marathon-cluster-a.yaml" -> out.write(marathonYaml(0));
      case "marathon-cluster-b.yaml" -> out.write(marathonYaml(1));
      case "smartstack.yaml" -> out.write(smartstackYaml());
      case "monitoring.yaml" -> out.write(monitoringYaml());
      case "deploy.yaml" -> out.write(deployYaml());
      default -> throw new IllegalArgumentException("not a generated file: " + fileName);
    }
  }

  private String serviceYaml() {
    return """
        ---
        description: "%1$s: synthetic service of the paasta benchmark tree (team %2$s)"
        external_link: "https://wiki.example.com/services/%1$s"
        git_url: "file:///srv/git/%1$s.git"
        healthcheck_uri: /status
        env:
          LOG_LEVEL: %3$s
          SERVICE_NAME: %1$s
          TZ: UTC
        """
        .formatted(name, team, logLevel);
  }

  private String marathonYaml(int clusterIndex) {
    String cluster = CLUSTERS.get(clusterIndex);
    ClusterChoices c = clusterChoices.get(clusterIndex);
    return """
        ---
        _base: &base
          cpus: 0.1
          mem: 128
          disk: 256
          cmd: "/srv/bin/%1$s-server --port 8888"
          healthcheck_mode: http
          healthcheck_uri: /status
          healthcheck_grace_period_seconds: 30
          registrations: ["%1$s.main"]
          env:
            APP_CLUSTER: %2$s
            JAVA_OPTS: "-Xms64m -Xmx96m"
            WORKERS: "4"
          extra_volumes:
            - {containerPath: /nail/srv/configs, hostPath: /nail/srv/configs, mode: RO}

        main:
          <<: *base
          instances: %3$d
          cpus: %4$s
          mem: %5$d
          deploy_group: %2$s.everything
          bounce_method: %6$s

        canary:
          <<: *base
          instances: 1
          deploy_group: %2$s.everything
          bounce_method: brutal

        read_only:
          <<: *base
          instances: %7$d
          deploy_group: %2$s.everything
          bounce_method: crossover
          bounce_margin_factor: 0.5
          env:
            APP_CLUSTER: %2$s
            READ_ONLY: "true"
        """
        .formatted(
            name,
            cluster,
            c.mainInstances(),
            c.mainCpus(),
            c.mainMem(),
            c.mainBounce(),
            c.readOnlyInstances());
  }

  private String smartstackYaml() {
    return """
        ---
        main:
          proxy_port: %d
          mode: http
          healthcheck_uri: /status
          timeout_connect_ms: 200
          timeout_server_ms: %d
          retries: 1
          discover: region
          advertise: [region]

        canary:
          proxy_port: null
        """
        .formatted(proxyPort, serverTimeoutMs);
  }

  private String monitoringYaml() {
    return """
        ---
        team: %1$s
        notification_email: "%1$s@example.com"
        runbook: "https://runbooks.example.com/%2$s"
        tip: "look at the %2$s dashboard first"
        page: %3$b
        ticket: false
        alert_after: 5m
        realert_every: -1
        slack_channels: ["#%1$s-alerts"]
        """
        .formatted(team, name, page);
  }

  private static String deployYaml() {
    return """
        ---
        pipeline:
          - step: itest
          - step: push-to-registry
          - step: cluster-a.everything
            trigger_next_step_manually: true
          - step: cluster-b.everything
        """;
  }

  private static <T> T pick(SplittableRandom random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}

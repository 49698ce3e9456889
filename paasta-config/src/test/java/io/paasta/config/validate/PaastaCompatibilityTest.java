package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21: the same verdicts as PaaSTA. One case per key PaaSTA accepts, one per rule it refuses
 * (each with its message), and PaaSTA's published example service, written from PaaSTA's documented
 * soa-configs formats.
 */
class PaastaCompatibilityTest {
  private static final SchemaValidator SCHEMAS = new SchemaValidator();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;
  private TestTree tree;

  @BeforeEach
  void tree() {
    tree = new TestTree(root);
  }

  /** A file of a case: its path under the soa-configs and its lines. */
  record File(String path, String... lines) {}

  /** A table row: what is written, and (for refusals) the exact line validate prints. */
  record Case(String name, List<File> files, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case accepted(String name, File... files) {
    return new Case(name, List.of(files), "");
  }

  private static Case refused(String name, String expected, File... files) {
    return new Case(name, List.of(files), expected);
  }

  private static File f(String path, String... lines) {
    return new File(path, lines);
  }

  /** A valid service "web": every file today's PaaSTA asks for. Cases add or replace files. */
  private void baseService() {
    tree.file(
            "web/service.yaml",
            "description: a web service",
            "external_link: https://wiki.example.com/web",
            "git_url: git@git.example.com:services/web.git")
        .file("web/monitoring.yaml", "team: web-team")
        .file(
            "web/deploy.yaml",
            "pipeline:",
            "- step: itest",
            "- step: push-to-registry",
            "- step: dev.everything",
            "- step: prod",
            "  parallel:",
            "  - step: prod.canary",
            "  - step: prod.everything")
        .file("web/smartstack.yaml", "main:", "  proxy_port: 20001");
  }

  private List<Problem> validate(List<File> files) {
    baseService();
    for (File file : files) {
      tree.file(file.path(), file.lines());
    }
    return new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS, CLOCK)
        .validateService("web")
        .services()
        .get(0)
        .problems();
  }

  private static List<String> errors(List<Problem> problems) {
    return problems.stream().filter(Problem::isError).map(Problem::format).toList();
  }

  static Stream<Case> acceptedKeys() {
    return Stream.of(
        accepted(
            "deploy_whitelist in PaaSTA's documented form",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  deploy_whitelist: [region, [uswest1-prod, uswest2-prod]]")),
        accepted(
            "deploy_blacklist as documented",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  deploy_blacklist: [[region, uswest1-prod], [habitat, uswest2a]]")),
        accepted(
            "autoscaling.metrics_provider mesos_cpu (the Marathon-era default)",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  min_instances: 1",
                "  max_instances: 3",
                "  autoscaling: {metrics_provider: mesos_cpu, decision_policy: proportional,"
                    + " setpoint: 0.5}")),
        accepted(
            "autoscaling.metrics_provider piscina",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  autoscaling: {metrics_provider: piscina}")),
        accepted(
            "autoscaling.metrics_provider gunicorn",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  autoscaling: {metrics_provider: gunicorn}")),
        accepted(
            "autoscaling.metrics_provider arbitrary_promql with prometheus_adapter_config",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  autoscaling:",
                "    metrics_provider: arbitrary_promql",
                "    prometheus_adapter_config:",
                "      metricsQuery: sum(rate(requests_total[1m]))")),
        accepted(
            "autoscaling.metrics_providers (today's kubernetes form)",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  autoscaling:",
                "    metrics_providers:",
                "    - {type: cpu, setpoint: 0.7}",
                "    - {type: uwsgi, setpoint: 0.6}")),
        accepted(
            "cmd as a list (today's schema)",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  cmd: [/bin/server, --port, '8888']")),
        accepted(
            "bounce_method_params in marathon files",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  bounce_method_params: {foo: 1}")),
        accepted(
            "monitoring_blacklist in marathon files",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  monitoring_blacklist: [[region, uswest1-prod]]")),
        accepted(
            "sfn_autoscaling in marathon files",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  sfn_autoscaling: {enabled: true}")),
        kubernetesKey("autotune_limits", "autotune_limits: {cpus: {min: 0.1, max: 2}}"),
        kubernetesKey("enable_aws_lb_readiness_gate", "enable_aws_lb_readiness_gate: true"),
        kubernetesKey("fs_group_change_policy", "fs_group_change_policy: OnRootMismatch"),
        kubernetesKey("uses_bulkdata", "uses_bulkdata: false"),
        kubernetesKey(
            "aws_ebs_volumes",
            "aws_ebs_volumes: [{volume_id: vol-1, container_path: /data, mode: RO}]"),
        kubernetesKey("crypto_keys", "crypto_keys: {encrypt: [k1], decrypt: [k2]}"),
        kubernetesKey("datastore_credentials", "datastore_credentials: {mysql: [web_ro]}"),
        kubernetesKey(
            "projected_sa_volumes",
            "projected_sa_volumes: [{audience: sts.amazonaws.com, container_path: /var/token}]"),
        adhocKey("iam_role", "iam_role: arn:aws:iam::123456789012:role/web"),
        adhocKey(
            "secret_volumes", "secret_volumes: [{container_path: /secrets, secret_name: token}]"),
        adhocKey("node_selectors", "node_selectors: {instance_type: [m5.large]}"),
        adhocKey("privileged", "privileged: true"),
        accepted(
            "smartstack port",
            f("web/smartstack.yaml", "main:", "  proxy_port: 20001", "  port: 8888")),
        accepted(
            "deploy.yaml allow_no_verify_deploy and default_deploy_strategy",
            f(
                "web/deploy.yaml",
                "allow_no_verify_deploy: true",
                "default_deploy_strategy: rolling",
                "pipeline:",
                "- step: dev.everything")),
        accepted(
            "deploy.yaml parallel blocks as PaaSTA writes them",
            f(
                "web/deploy.yaml",
                "pipeline:",
                "- step: itest",
                "- step: security-check",
                "- step: dev",
                "  parallel:",
                "  - step: dev.everything",
                "    display_step_for_confirmation: true",
                "  - step: dev.canary",
                "    wait_for_deployment: true",
                "    auto_certify_delay: 600",
                "  trigger_next_step_manually: true"),
            f("web/marathon-dev.yaml", "main:", "  deploy_group: dev.everything")),
        accepted(
            "net inherited from service.yaml by a kubernetes file (as in PaaSTA)",
            f(
                "web/service.yaml",
                "description: d",
                "external_link: https://wiki.example.com/web",
                "net: host"),
            f("web/kubernetes-dev.yaml", "main:", "  deploy_group: dev.everything")),
        accepted(
            "eks-<cluster>.yaml read as a kubernetes file",
            f(
                "web/eks-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  enable_aws_lb_readiness_gate: true")),
        accepted(
            "tron-<cluster>.yaml with today's schema",
            f(
                "web/tron-dev.yaml",
                "nightly:",
                "  node: paasta",
                "  schedule: cron 0 4 * * *",
                "  time_zone: America/Los_Angeles",
                "  monitoring: {team: web-team, page: false}",
                "  actions:",
                "    build:",
                "      command: ./build.sh",
                "      deploy_group: dev.everything",
                "    publish:",
                "      command: ./publish.sh",
                "      requires: [build]",
                "      deploy_group: prod.everything",
                "hourly:",
                "  schedule: {type: interval, value: 1h}",
                "  deploy_group: dev.everything",
                "  actions:",
                "    run: {command: ./run.sh}",
                "weekdays:",
                "  schedule: daily 04:00:00 MTWRF",
                "  deploy_group: dev.everything",
                "  actions:",
                "    run: {command: ./run.sh}")),
        accepted(
            "rollback.yaml",
            f(
                "web/rollback.yaml",
                "conditions:",
                "  prometheus:",
                "  - query: sum(rate(errors[5m]))",
                "    upper_bound: 10",
                "allowed_failing_queries: 1",
                "rollback_window_s: 600",
                "check_interval_s: 30")),
        accepted(
            "dependencies_reference with its dependency",
            f("web/dependencies.yaml", "main:", "- smartstack: db.main", "- well-known: internet"),
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  dependencies_reference: main")));
  }

  private static Case kubernetesKey(String key, String line) {
    return accepted(
        key + " in kubernetes files",
        f("web/kubernetes-dev.yaml", "main:", "  deploy_group: dev.everything", "  " + line));
  }

  private static Case adhocKey(String key, String line) {
    return accepted(
        key + " in adhoc files (shared with kubernetes ones)",
        f(
            "web/adhoc-dev.yaml",
            "shell:",
            "  deploy_group: dev.everything",
            "  cmd: sh",
            "  " + line));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedKeys")
  void acceptsWhatPaastaAccepts(Case c) {
    assertThat(errors(validate(c.files()))).isEmpty();
  }

  static Stream<Case> refusedRules() {
    return Stream.of(
        refused(
            "nerve_ns written in a kubernetes file",
            "web/kubernetes-dev.yaml:3: main.nerve_ns: is not allowed in kubernetes-* files"
                + " (\"web.main\") - net/nerve_ns only in marathon-* files or service.yaml;"
                + " registrations for namespaces",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  nerve_ns: web.main")),
        refused(
            "net written in a kubernetes file",
            "web/kubernetes-dev.yaml:3: main.net: is not allowed in kubernetes-* files"
                + " (\"host\") - net/nerve_ns only in marathon-* files or service.yaml;"
                + " registrations for namespaces",
            f("web/kubernetes-dev.yaml", "main:", "  deploy_group: dev.everything", "  net: host")),
        refused(
            "nerve_ns in an eks file, read as a kubernetes one",
            "web/eks-dev.yaml:3: main.nerve_ns: is not allowed in eks-* files (\"web.main\") -"
                + " net/nerve_ns only in marathon-* files or service.yaml; registrations for"
                + " namespaces",
            f(
                "web/eks-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  nerve_ns: web.main")),
        refused(
            "iam_role that is not an ARN",
            "web/kubernetes-dev.yaml:3: main.iam_role: does not have the expected form"
                + " (\"web-role\") - text matching \"^arn:aws:iam::[0-9]+:role/[a-zA-Z0-9+=,.@_/-]+$\"",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  iam_role: web-role")),
        refused(
            "iam_role together with service_account_name",
            "web/kubernetes-dev.yaml:4: main.service_account_name: is set together with iam_role"
                + " (\"web\") - either iam_role or service_account_name, not both",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  iam_role: arn:aws:iam::123456789012:role/web",
                "  service_account_name: web")),
        refused(
            "env value that is not a string",
            "web/marathon-dev.yaml:4: main.env.WORKERS: is a whole number (4) - expected a string",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  env:",
                "    WORKERS: 4")),
        refused(
            "healthcheck_cmd without healthcheck_mode: cmd",
            "web/marathon-dev.yaml:3: main.healthcheck_cmd: is set but healthcheck_mode is not cmd"
                + " (\"/bin/true\") - healthcheck_mode: cmd with it (PaaSTA refuses a"
                + " healthcheck_cmd otherwise), or no healthcheck_cmd",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  healthcheck_cmd: /bin/true")),
        refused(
            "the old autoscaling.setpoint form in a kubernetes file",
            "web/kubernetes-dev.yaml:4: main.autoscaling.setpoint: is the old autoscaling form,"
                + " which kubernetes files no longer take (0.8) - autoscaling: {metrics_providers:"
                + " [{type: cpu, setpoint: 0.8}]}",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  autoscaling:",
                "    setpoint: 0.8")),
        refused(
            "dependencies_reference without a matching dependency",
            "web/kubernetes-dev.yaml:3: main.dependencies_reference: names no dependency of"
                + " web/dependencies.yaml (\"batch\") - a key of web/dependencies.yaml",
            f("web/dependencies.yaml", "main:", "- well-known: internet"),
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  dependencies_reference: batch")),
        refused(
            "one instance name in two file kinds of one cluster",
            "web/marathon-dev.yaml:1: main: is also an instance of web/adhoc-dev.yaml in cluster dev"
                + " (\"main\") - instance names unique within a cluster across file kinds",
            f("web/adhoc-dev.yaml", "main:", "  deploy_group: dev.everything"),
            f("web/marathon-dev.yaml", "main:", "  deploy_group: dev.everything")),
        refused(
            "smartstack discover not among advertise",
            "web/smartstack.yaml:3: main.discover: is not one of the levels the namespace"
                + " advertises on [region] (\"superregion\") - a discover level listed in advertise",
            f(
                "web/smartstack.yaml",
                "main:",
                "  proxy_port: 20001",
                "  discover: superregion",
                "  advertise: [region]")),
        refused(
            "an empty instance file",
            "web/marathon-dev.yaml: file is empty - a dict of instance names (PaaSTA refuses an empty"
                + " file; delete it instead)",
            f("web/marathon-dev.yaml", "# nothing yet")),
        refused(
            "an empty smartstack.yaml",
            "web/smartstack.yaml: file is empty - a dict of namespaces (PaaSTA refuses an empty"
                + " file; delete it instead)",
            f("web/smartstack.yaml", "")),
        refused(
            "an instance whose deploy group is not in deploy.yaml",
            "web/marathon-dev.yaml:1: main.deploy_group: is not a step of web/deploy.yaml"
                + " (\"dev.main\") - one of the pipeline's deploy groups: dev.everything,"
                + " prod.canary, prod.everything",
            f("web/marathon-dev.yaml", "main: {}")),
        refused(
            "an instance name longer than 63 characters once '_' is '--'",
            "web/marathon-dev.yaml:1: "
                + "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z_a_b_c_d_e_f_g: is too long:"
                + " 97 characters once each '_' is written '--' in object names"
                + " (\"a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z_a_b_c_d_e_f_g\") - at"
                + " most 63 characters (counting '_' as two)",
            f(
                "web/marathon-dev.yaml",
                "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z_a_b_c_d_e_f_g:",
                "  deploy_group: dev.everything")),
        refused(
            "service.yaml without external_link",
            "web/service.yaml: external_link: is missing - a link to more about the service, e.g."
                + " external_link: https://wiki/web (today's service.yaml schema requires it)",
            f("web/service.yaml", "description: a web service")),
        refused(
            "a tron schedule that does not parse",
            "web/tron-dev.yaml:2: nightly.schedule: has an unknown schedule type 'weekly'"
                + " (\"weekly on monday\") - "
                + io.paasta.config.schedule.TronSchedule.EXPECTED,
            tron("  schedule: weekly on monday")),
        refused(
            "a tron cron schedule with no next run",
            "web/tron-dev.yaml:2: nightly.schedule: never runs (no date matches it)"
                + " (\"cron 0 0 30 2 *\") - a cron expression with a next run",
            tron("  schedule: cron 0 0 30 2 *")),
        refused(
            "a tron action requiring an action the job does not have",
            "web/tron-dev.yaml:8: nightly.actions.build.requires: names an action that is not in"
                + " job nightly (\"fetch\") - another action of nightly: build",
            tron("  schedule: daily", "      requires: [fetch]")),
        refused(
            "a tron action whose deploy group is not in deploy.yaml",
            "web/tron-dev.yaml:7: nightly.actions.build.deploy_group: is not a step of"
                + " web/deploy.yaml (\"qa.everything\") - one of the pipeline's deploy groups:"
                + " dev.everything, prod.canary, prod.everything",
            f(
                "web/tron-dev.yaml",
                "nightly:",
                "  schedule: daily",
                "  monitoring: {team: web-team}",
                "  actions:",
                "    build:",
                "      command: ./build.sh",
                "      deploy_group: qa.everything")),
        refused(
            "a tron job with no team",
            "web/tron-dev.yaml:1: nightly: has no team to alert - monitoring: {team: ...} in the"
                + " job, or a team in web/monitoring.yaml",
            f("web/monitoring.yaml", "notification_email: web@example.com"),
            f(
                "web/tron-dev.yaml",
                "nightly:",
                "  schedule: daily",
                "  actions:",
                "    build: {command: ./build.sh, deploy_group: dev.everything}")),
        refused(
            "an unknown key suggests the nearest known one",
            "web/kubernetes-dev.yaml:3: main.namspace: is not a known key - did you mean"
                + " namespace?",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  namspace: paasta")),
        refused(
            "a far-off unknown key suggests nothing",
            "web/kubernetes-dev.yaml:3: main.completely_unrelated: is not a known key - remove it"
                + " or check its spelling",
            f(
                "web/kubernetes-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  completely_unrelated: 1")),
        refused(
            "a deploy_whitelist in another form shows PaaSTA's format",
            "web/marathon-dev.yaml:3: main.deploy_whitelist: is not in PaaSTA's deploy_whitelist"
                + " format - PaaSTA's form [location_type, [location, ...]], e.g."
                + " deploy_whitelist: [region, [uswest1-prod, uswest2-prod]]",
            f(
                "web/marathon-dev.yaml",
                "main:",
                "  deploy_group: dev.everything",
                "  deploy_whitelist: [[region, uswest1-prod]]")),
        refused(
            "rollback.yaml with a key it does not have",
            "web/rollback.yaml:1: rollback_window: is not a known key - did you mean"
                + " rollback_window_s?",
            f("web/rollback.yaml", "rollback_window: 600")));
  }

  /** A tron job "nightly" with one action "build"; {@code extra} lines go into the job/action. */
  private static File tron(String scheduleLine, String... actionLines) {
    List<String> lines = new ArrayList<>();
    lines.add("nightly:");
    lines.add(scheduleLine);
    lines.add("  monitoring: {team: web-team}");
    lines.add("  actions:");
    lines.add("    build:");
    lines.add("      command: ./build.sh");
    lines.add("      deploy_group: dev.everything");
    lines.addAll(List.of(actionLines));
    return new File("web/tron-dev.yaml", lines.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedRules")
  void refusesWhatPaastaRefuses(Case c) {
    assertThat(errors(validate(c.files()))).contains(c.expected());
  }

  static Stream<Arguments> filesTodaysPaastaRequires() {
    return Stream.of(
        Arguments.of(
            "monitoring.yaml",
            "web/: monitoring.yaml: is missing - a file web/monitoring.yaml with at least a team"
                + " (PaaSTA requires it)"),
        Arguments.of(
            "deploy.yaml",
            "web/: deploy.yaml: is missing - a file web/deploy.yaml whose pipeline names the"
                + " deploy groups of the instances (PaaSTA requires it)"));
  }

  @ParameterizedTest(name = "without {0}")
  @MethodSource("filesTodaysPaastaRequires")
  void aServiceWithoutAFileTodaysPaastaRequiresIsRefused(String file, String expected) {
    baseService();
    deleteFile("web/" + file);
    tree.file("web/marathon-dev.yaml", "main:", "  deploy_group: dev.everything");

    assertThat(errors(validateWeb())).containsExactly(expected);
    // and no problem (the missing team's warning included) names the file that does not exist
    assertThat(validateWeb()).noneMatch(p -> p.file().equals("web/" + file));
  }

  @Test
  void registrationsOfAServiceOutsideTheTreeAreAWarningNotAnError() {
    List<Problem> problems =
        validate(
            List.of(
                f(
                    "web/marathon-dev.yaml",
                    "main:",
                    "  deploy_group: dev.everything",
                    "  registrations: [web.main, elsewhere.main]")));

    assertThat(errors(problems)).isEmpty();
    assertThat(problems)
        .map(Problem::format)
        .contains(
            "web/marathon-dev.yaml:3: warning: main.registrations: names a namespace of elsewhere,"
                + " which is not in this soa-configs tree (elsewhere.main), so it is not checked -"
                + " a namespace of a service of the tree, or one defined outside it");
  }

  @Test
  void aDanglingSymlinkNamesItsTarget() throws IOException {
    baseService();
    Files.createSymbolicLink(
        root.resolve("web/marathon-dev.yaml"), Path.of("../shared/marathon-dev.yaml"));

    assertThat(errors(validateWeb()))
        .contains(
            "web/marathon-dev.yaml: is a symbolic link to ../shared/marathon-dev.yaml, which does"
                + " not exist");
  }

  @Test
  void keysAcceptedButNotUsedAreListedApart() {
    baseService();
    tree.file(
            "web/kubernetes-dev.yaml",
            "main:",
            "  deploy_group: dev.everything",
            "  iam_role: arn:aws:iam::123456789012:role/web",
            "  cpus: 0.5")
        .file("web/rollback.yaml", "check_interval_s: 30");

    ServiceReport report =
        new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS, CLOCK)
            .validateService("web")
            .services()
            .get(0);

    assertThat(report.problems()).isEmpty();
    assertThat(report.unusedKeys())
        .map(Problem::format)
        .containsExactly(
            "web/kubernetes-dev.yaml:3: warning: main.iam_role: accepted, not used by this"
                + " platform",
            "web/rollback.yaml: warning: accepted, not used by this platform (automatic"
                + " rollbacks)");
  }

  /**
   * PaaSTA's published example_cluster service hello-world (marathon-, chronos- and adhoc-
   * testcluster.yaml and a service.yaml with only git_url): its instance files are valid; today's
   * PaaSTA refuses the service for the files around them, and so do we, with nothing else.
   */
  @Test
  void examplClusterHelloWorldAsPublishedIsRefusedOnlyForTodaysTreeRules() {
    writeHelloWorld();

    assertThat(errors(validate("hello-world")))
        .containsExactlyInAnyOrder(
            "hello-world/: deploy.yaml: is missing - a file hello-world/deploy.yaml whose pipeline"
                + " names the deploy groups of the instances (PaaSTA requires it)",
            "hello-world/: monitoring.yaml: is missing - a file hello-world/monitoring.yaml with"
                + " at least a team (PaaSTA requires it)",
            "hello-world/service.yaml: external_link: is missing - a link to more about the"
                + " service, e.g. external_link: https://wiki/hello-world (today's service.yaml"
                + " schema requires it)");
  }

  @Test
  void exampleClusterHelloWorldWithTodaysFilesIsValid() {
    writeHelloWorld();
    tree.file(
            "hello-world/service.yaml",
            "---",
            "description: hello world",
            "external_link: https://github.com/Yelp/paasta",
            "git_url: root@git:/root/dockercloud-hello-world.git")
        .file("hello-world/monitoring.yaml", "---", "team: noop")
        .file(
            "hello-world/deploy.yaml",
            "---",
            "pipeline:",
            "- step: itest",
            "- step: push-to-registry",
            "- step: testcluster.everything");

    assertThat(validate("hello-world")).isEmpty();
  }

  private void writeHelloWorld() {
    tree.file(
            "hello-world/service.yaml",
            "---",
            "git_url: root@git:/root/dockercloud-hello-world.git")
        .file(
            "hello-world/marathon-testcluster.yaml",
            "---",
            "main:",
            "  cpus: 1",
            "  mem: 100",
            "  disk: 40",
            "  min_instances: 1",
            "  max_instances: 5",
            "  deploy_group: testcluster.everything")
        .file(
            "hello-world/chronos-testcluster.yaml",
            "test_chronos:",
            "  deploy_group: testcluster.everything",
            "  cpus: 0.1",
            "  mem: 100",
            "  disk: 10",
            "  cmd: 'echo \"HELLO WORLD!!!\"'",
            "  schedule: 'R/2016-07-28T00:00:00Z/PT2M'")
        .file(
            "hello-world/adhoc-testcluster.yaml",
            "---",
            "remote:",
            "  deploy_group: testcluster.everything",
            "  cpus: .1",
            "  mem: 16",
            "  cmd: echo \"Batch starting...\" && /bin/sleep 5s && echo \"done\"");
  }

  private List<Problem> validate(String service) {
    return new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS, CLOCK)
        .validateService(service)
        .services()
        .get(0)
        .problems();
  }

  private List<Problem> validateWeb() {
    return validate("web");
  }

  private void deleteFile(String relative) {
    try {
      Files.delete(root.resolve(relative));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

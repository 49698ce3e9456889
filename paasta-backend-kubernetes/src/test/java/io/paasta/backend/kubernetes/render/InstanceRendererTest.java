package io.paasta.backend.kubernetes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.LongRunningConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 14's mapping of a long-running instance, field by field. */
class InstanceRendererTest {
  @TempDir Path tmp;

  private static final String BASE = "  deploy_group: prod.main\n  cmd: serve\n";

  private RenderedInstance render(String instanceKeys) {
    return new RenderFixture(tmp).render("main", "main:\n" + BASE + instanceKeys);
  }

  private static Container container(RenderedInstance rendered) {
    return rendered.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, EnvVar> env(RenderedInstance rendered) {
    return container(rendered).getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, Function.identity()));
  }

  @ParameterizedTest(name = "{0} margin {1} -> {2} surge {3} unavailable {4}, pdb {5}")
  @CsvSource({
    "crossover,  1.0, RollingUpdate, 100%, 0%,   0%",
    "crossover,  0.5, RollingUpdate, 100%, 50%,  50%",
    "crossover,  0.9, RollingUpdate, 100%, 9%,   9%",
    "crossover,  0.25, RollingUpdate, 100%, 75%, 75%",
    "brutal,     1.0, RollingUpdate, 100%, 100%, 0%",
    "downthenup, 1.0, Recreate,      ,     ,     0%",
  })
  void bounceMethodBecomesTheStrategyAndMarginThePdb(
      String method, double margin, String type, String surge, String unavailable, String pdb) {
    RenderedInstance rendered =
        render("  bounce_method: " + method + "\n  bounce_margin_factor: " + margin + "\n");
    DeploymentStrategy strategy = rendered.deployment().getSpec().getStrategy();
    assertThat(strategy.getType()).isEqualTo(type);
    if (surge == null) {
      assertThat(strategy.getRollingUpdate()).isNull();
    } else {
      assertThat(strategy.getRollingUpdate().getMaxSurge().getStrVal()).isEqualTo(surge);
      assertThat(strategy.getRollingUpdate().getMaxUnavailable().getStrVal())
          .isEqualTo(unavailable);
    }
    assertThat(rendered.pdb().getSpec().getMaxUnavailable().getStrVal()).isEqualTo(pdb);
    assertThat(rendered.pdb().getMetadata().getName()).isEqualTo("web-main");
    assertThat(rendered.pdb().getSpec().getSelector().getMatchLabels())
        .isEqualTo(rendered.deployment().getSpec().getSelector().getMatchLabels());
  }

  @Test
  void upthendownCannotBeRendered() {
    assertThatThrownBy(() -> render("  bounce_method: upthendown\n"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("web.main in prod")
        .hasMessageContaining("bounce_method upthendown")
        .hasMessageContaining("crossover, brutal or downthenup");
  }

  @ParameterizedTest(name = "cpus {0} mem {1} disk {2} burst {3}")
  @CsvSource({
    "0.25, 1024, 1024, ,    0.25, 1.25, 1024Mi, 1024Mi",
    "2,    512,  256,  0.5, 2,    2.5,  512Mi,  256Mi",
    "0.1,  64,   128,  0,   0.1,  0.1,  64Mi,   128Mi",
  })
  void resources(
      String cpus,
      String mem,
      String disk,
      String burst,
      String request,
      String limit,
      String memory,
      String storage) {
    RenderedInstance rendered =
        render(
            "  cpus: "
                + cpus
                + "\n  mem: "
                + mem
                + "\n  disk: "
                + disk
                + "\n"
                + (burst == null ? "" : "  cpu_burst_add: " + burst + "\n"));
    var resources = container(rendered).getResources();
    assertThat(resources.getRequests().get("cpu").toString()).isEqualTo(request);
    assertThat(resources.getLimits().get("cpu").toString()).isEqualTo(limit);
    assertThat(resources.getRequests().get("memory").toString()).isEqualTo(memory);
    assertThat(resources.getLimits().get("memory").toString()).isEqualTo(memory);
    assertThat(resources.getRequests().get("ephemeral-storage").toString()).isEqualTo(storage);
    assertThat(resources.getLimits().get("ephemeral-storage").toString()).isEqualTo(storage);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http,  httpGet:/health:8888:HTTP",
    "https, httpGet:/health:8888:HTTPS",
    "tcp,   tcpSocket:8888",
    "cmd,   exec:sh -c /bin/check --fast",
  })
  void healthchecksBecomeLivenessAndReadinessProbes(String mode, String handler) {
    RenderedInstance rendered =
        render(
            "  healthcheck_mode: "
                + mode
                + "\n  healthcheck_uri: /health\n  healthcheck_cmd: /bin/check --fast\n"
                + "  healthcheck_grace_period_seconds: 45\n  healthcheck_interval_seconds: 7\n"
                + "  healthcheck_timeout_seconds: 3\n  healthcheck_max_consecutive_failures: 4\n");
    Probe liveness = container(rendered).getLivenessProbe();
    Probe readiness = container(rendered).getReadinessProbe();
    assertThat(describe(liveness)).isEqualTo(handler);
    assertThat(describe(readiness)).isEqualTo(handler);
    assertThat(liveness.getInitialDelaySeconds()).isEqualTo(45);
    assertThat(liveness.getPeriodSeconds()).isEqualTo(7);
    assertThat(liveness.getTimeoutSeconds()).isEqualTo(3);
    assertThat(liveness.getFailureThreshold()).isEqualTo(4);
    assertThat(readiness.getInitialDelaySeconds()).isNull();
    assertThat(readiness.getPeriodSeconds()).isEqualTo(7);
    assertThat(readiness.getFailureThreshold()).isEqualTo(1);
  }

  @Test
  void noHealthcheckNoProbes() {
    // no proxy_port for this instance's namespace: healthcheck_mode defaults to none
    RenderedInstance rendered = render("  registrations: [web.canary]\n");
    assertThat(container(rendered).getLivenessProbe()).isNull();
    assertThat(container(rendered).getReadinessProbe()).isNull();
  }

  private static String describe(Probe probe) {
    if (probe.getHttpGet() != null) {
      return "httpGet:"
          + probe.getHttpGet().getPath()
          + ":"
          + probe.getHttpGet().getPort().getIntVal()
          + ":"
          + probe.getHttpGet().getScheme();
    }
    if (probe.getTcpSocket() != null) {
      return "tcpSocket:" + probe.getTcpSocket().getPort().getIntVal();
    }
    return "exec:" + String.join(" ", probe.getExec().getCommand());
  }

  @Test
  void volumesAreHostPathsReadOnlyUnlessRw() {
    RenderedInstance rendered =
        render(
            "  extra_volumes:\n"
                + "    - {containerPath: /data, hostPath: /srv/data, mode: RW}\n"
                + "    - {containerPath: /conf, hostPath: /srv/conf, mode: RO}\n");
    var spec = rendered.deployment().getSpec().getTemplate().getSpec();
    // the system config's volume first, then extra_volumes
    assertThat(spec.getVolumes())
        .extracting(v -> v.getName() + "=" + v.getHostPath().getPath())
        .containsExactly("host-0=/etc/ssl/certs", "host-1=/srv/data", "host-2=/srv/conf");
    assertThat(container(rendered).getVolumeMounts())
        .extracting(m -> m.getName() + ":" + m.getMountPath() + ":" + m.getReadOnly())
        .containsExactly("host-0:/etc/ssl/certs:true", "host-1:/data:false", "host-2:/conf:true");
  }

  @Test
  void envHasPlainValuesSecretsPlatformVariablesAndTheDownwardApi() {
    Map<String, EnvVar> env =
        env(
            render(
                "  container_port: 9000\n  env:\n    PLAIN: hello\n    DB: SECRET(db_pass)\n"
                    + "    SHARED: SHARED_SECRET(api-key)\n    PORT0: '1'\n"));
    assertThat(env.get("PLAIN").getValue()).isEqualTo("hello");
    assertThat(env.get("DB").getValue()).isNull();
    assertThat(env.get("DB").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("paastasvc-web-secret-web-db--pass");
    assertThat(env.get("DB").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("db_pass");
    assertThat(env.get("SHARED").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("paastasvc-web-secret---shared-api-key");
    assertThat(env.get("PAASTA_POD_IP").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.podIP");
    assertThat(env.get("HOST").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("spec.nodeName");
    assertThat(env.get("MESOS_TASK_ID").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.name");
    // the port variables are container_port and win over the user's env, as on the local backend
    for (String port : List.of("PORT", "PORT0", "PORTS", "MARATHON_PORT", "MARATHON_PORT0")) {
      assertThat(env.get(port).getValue()).as(port).isEqualTo("9000");
    }
    assertThat(env.get("PAASTA_SERVICE").getValue()).isEqualTo("web");
    assertThat(env.get("PAASTA_INSTANCE").getValue()).isEqualTo("main");
    assertThat(env.get("PAASTA_CLUSTER").getValue()).isEqualTo("prod");
    assertThat(env.get("PAASTA_DEPLOY_GROUP").getValue()).isEqualTo("prod.main");
    assertThat(env.get("PAASTA_DOCKER_IMAGE").getValue())
        .isEqualTo("services-web:paasta-" + RenderFixture.SHA);
    assertThat(container(render("  env: {A: b}\n")).getEnv())
        .extracting(EnvVar::getName)
        .isSorted();
  }

  @Test
  void userHostAndTaskIdWinOverTheDownwardApi() {
    Map<String, EnvVar> env = env(render("  env: {HOST: myhost, MESOS_TASK_ID: t1}\n"));
    assertThat(env.get("HOST").getValue()).isEqualTo("myhost");
    assertThat(env.get("MESOS_TASK_ID").getValue()).isEqualTo("t1");
  }

  @Test
  void imageCmdArgsPortAndPodSettings() {
    RenderedInstance rendered = render("  container_port: 8080\n");
    Container container = container(rendered);
    assertThat(container.getImage())
        .isEqualTo("registry.example:5000/services-web:paasta-" + RenderFixture.SHA);
    assertThat(container.getCommand()).containsExactly("sh", "-c", "serve");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getPorts().get(0).getName()).isEqualTo("paasta");
    assertThat(rendered.deployment().getSpec().getRevisionHistoryLimit()).isZero();
    assertThat(rendered.deployment().getSpec().getMinReadySeconds()).isNull();
    assertThat(rendered.deployment().getSpec().getTemplate().getSpec().getImagePullSecrets())
        .isEmpty();
    RenderedInstance args =
        new RenderFixture(tmp)
            .render("main", "main:\n  deploy_group: prod.main\n  args: [/bin/app, --flag]\n");
    assertThat(container(args).getCommand()).isEmpty();
    assertThat(container(args).getArgs()).containsExactly("/bin/app", "--flag");
  }

  @Test
  void minTaskUptimeIsMinReadySeconds() {
    RenderedInstance rendered = render("  bounce_health_params: {min_task_uptime: 12.2}\n");
    assertThat(rendered.deployment().getSpec().getMinReadySeconds()).isEqualTo(13);
  }

  @Test
  void pullSecretWhenTheClusterHasDockerConfig() {
    RenderFixture fixture = new RenderFixture(tmp);
    io.paasta.model.Service service = fixture.load("kubernetes", "main:\n" + BASE);
    LongRunningConfig config = (LongRunningConfig) RenderFixture.instance(service, "main");
    KubernetesCluster withCredentials =
        new KubernetesCluster(
            "prod",
            Optional.empty(),
            Optional.empty(),
            true,
            "registry.example:5000",
            Optional.of("/etc/paasta/docker.json"),
            "teams-");
    RenderedInstance rendered =
        InstanceRenderer.render(
            fixture.desired(service, config), config, withCredentials, service.namespaces());
    assertThat(rendered.deployment().getSpec().getTemplate().getSpec().getImagePullSecrets())
        .extracting(s -> s.getName())
        .containsExactly(SecretNames.IMAGE_PULL_SECRET);
    assertThat(rendered.namespace().getMetadata().getName()).isEqualTo("teams-web");
    assertThat(rendered.deployment().getMetadata().getNamespace()).isEqualTo("teams-web");
  }

  @Test
  void namespaceKeyOverridesThePrefixAndTheNamespaceIsManaged() {
    RenderedInstance rendered = render("  namespace: paastasvc-shared\n");
    assertThat(rendered.namespace().getMetadata().getName()).isEqualTo("paastasvc-shared");
    assertThat(rendered.namespace().getMetadata().getLabels())
        .containsExactly(Map.entry("paasta.yelp.com/managed", "true"));
    assertThat(rendered.services())
        .allMatch(s -> s.getMetadata().getNamespace().equals("paastasvc-shared"));
  }

  @Test
  void everyObjectAndPodCarriesTheLabelsOfSection14() {
    RenderedInstance rendered = render("  max_instances: 4\n  pool: batch\n");
    Map<String, String> labels = rendered.deployment().getMetadata().getLabels();
    assertThat(labels)
        .containsEntry("paasta.yelp.com/service", "web")
        .containsEntry("paasta.yelp.com/instance", "main")
        .containsEntry("paasta.yelp.com/git_sha", RenderFixture.SHA)
        .containsEntry("paasta.yelp.com/cluster", "prod")
        .containsEntry("paasta.yelp.com/pool", "batch")
        .containsEntry("paasta.yelp.com/deploy_group", "prod.main")
        .containsEntry("paasta.yelp.com/managed", "true")
        .containsEntry("paasta.yelp.com/autoscaled", "true");
    assertThat(labels.get("paasta.yelp.com/config_sha")).matches("config[0-9a-f]{8}");
    assertThat(rendered.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(labels)
        .containsEntry("registrations.paasta.yelp.com/web.main", "true");
    assertThat(rendered.pdb().getMetadata().getLabels()).isEqualTo(labels);
    assertThat(rendered.hpa().orElseThrow().getMetadata().getLabels()).isEqualTo(labels);
    assertThat(rendered.deployment().getSpec().getSelector().getMatchLabels())
        .containsExactly(
            Map.entry("paasta.yelp.com/instance", "main"),
            Map.entry("paasta.yelp.com/service", "web"));
    assertThat(render("").deployment().getMetadata().getLabels())
        .containsEntry("paasta.yelp.com/autoscaled", "false");
  }

  @Test
  void configShaChangesWithThePodTemplateAndForceBounceButNotWithTheCount() {
    String base = configSha(render("  instances: 2\n"));
    assertThat(configSha(render("  instances: 2\n"))).isEqualTo(base);
    assertThat(configSha(render("  instances: 5\n"))).isEqualTo(base);
    assertThat(configSha(render("  instances: 2\n  mem: 2048\n"))).isNotEqualTo(base);
    assertThat(configSha(render("  instances: 2\n  env: {A: b}\n"))).isNotEqualTo(base);
    RenderedInstance restarted =
        new RenderFixture(tmp)
            .controls(
                "\"web:prod.main\": {\"desired_state\": \"start\", \"force_bounce\": \"20260101T000000\"}")
            .render("main", "main:\n" + BASE + "  instances: 2\n");
    assertThat(configSha(restarted)).isNotEqualTo(base);
  }

  @Test
  void configShaIncludesSecretSignatures() {
    RenderFixture fixture = new RenderFixture(tmp);
    io.paasta.model.Service service =
        fixture.load("kubernetes", "main:\n" + BASE + "  env: {DB: SECRET(db)}\n");
    LongRunningConfig config = (LongRunningConfig) RenderFixture.instance(service, "main");
    String one = configSha(renderWithSignature(fixture, service, config, "sig-1"));
    assertThat(configSha(renderWithSignature(fixture, service, config, "sig-1"))).isEqualTo(one);
    assertThat(configSha(renderWithSignature(fixture, service, config, "sig-2"))).isNotEqualTo(one);
  }

  private static RenderedInstance renderWithSignature(
      RenderFixture fixture,
      io.paasta.model.Service service,
      LongRunningConfig config,
      String signature) {
    var desired =
        io.paasta.planning.app.DesiredInstanceFactory.create(
                config,
                service.deployments(),
                fixture.system(),
                service.config(),
                java.util.OptionalInt.empty(),
                Map.of("db", signature))
            .orElseThrow();
    return InstanceRenderer.render(desired, config, RenderFixture.CLUSTER, service.namespaces());
  }

  private static String configSha(RenderedInstance rendered) {
    String label =
        rendered.deployment().getMetadata().getLabels().get("paasta.yelp.com/config_sha");
    assertThat(rendered.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("paasta.yelp.com/config_sha", label);
    return label;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_instances: 6; min_instances: 2 | true | 2 | 6 | Resource:cpu:80",
        "max_instances: 6; autoscaling: {metrics_provider: mesos_cpu, setpoint: 0.55} | true | 1 | 6 | Resource:cpu:55",
        "max_instances: 3; autoscaling: {metrics_provider: http, setpoint: 0.7} | true | 1 | 3 | Pods:http:0.7",
        "max_instances: 3; autoscaling: {metrics_provider: uwsgi} | true | 1 | 3 | Pods:uwsgi:0.8",
        "max_instances: 3; autoscaling: {decision_policy: bespoke} | false | 0 | 0 | ",
        "min_instances: 2 | false | 0 | 0 | ",
        "instances: 3 | false | 0 | 0 | ",
      })
  void hpaOnlyWhenMaxInstancesIsSetAndPolicyIsNotBespoke(
      String keys, boolean present, int min, int max, String metric) {
    RenderedInstance rendered = render("  " + keys.replace("; ", "\n  ") + "\n");
    assertThat(rendered.hpa().isPresent()).isEqualTo(present);
    if (!present) {
      return;
    }
    HorizontalPodAutoscaler hpa = rendered.hpa().get();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(min);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(max);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("web-main");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    var m = hpa.getSpec().getMetrics().get(0);
    String described =
        m.getType().equals("Resource")
            ? "Resource:"
                + m.getResource().getName()
                + ":"
                + m.getResource().getTarget().getAverageUtilization()
            : "Pods:"
                + m.getPods().getMetric().getName()
                + ":"
                + m.getPods().getTarget().getAverageValue();
    assertThat(described).isEqualTo(metric);
    var scaleDown = hpa.getSpec().getBehavior().getScaleDown();
    assertThat(scaleDown.getStabilizationWindowSeconds()).isEqualTo(300);
    assertThat(scaleDown.getPolicies())
        .extracting(p -> p.getType() + ":" + p.getValue() + "/" + p.getPeriodSeconds())
        .containsExactly("Percent:30/60");
  }

  @Test
  void noHpaWhenStoppedOrPaused() {
    RenderedInstance stopped =
        new RenderFixture(tmp)
            .controls("\"web:prod.main\": {\"desired_state\": \"stop\", \"force_bounce\": null}")
            .render("main", "main:\n" + BASE + "  max_instances: 4\n");
    assertThat(stopped.hpa()).isEmpty();
    assertThat(stopped.deployment().getSpec().getReplicas()).isZero();
    RenderFixture fixture = new RenderFixture(tmp);
    io.paasta.model.Service service =
        fixture.load("kubernetes", "main:\n" + BASE + "  max_instances: 4\n");
    LongRunningConfig config = (LongRunningConfig) RenderFixture.instance(service, "main");
    RenderedInstance paused =
        InstanceRenderer.render(
            fixture.desired(service, config),
            config,
            RenderFixture.CLUSTER,
            service.namespaces(),
            true);
    assertThat(paused.hpa()).isEmpty();
    assertThat(paused.deployment().getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void aServicePerRegisteredNamespaceWithAProxyPort() {
    RenderedInstance rendered =
        new RenderFixture(tmp)
            .smartstack(
                "main:\n  proxy_port: 20001\ncanary:\n  proxy_port: null\n"
                    + "alt_api:\n  proxy_port: 20002\n")
            .render(
                "main",
                "main:\n"
                    + BASE
                    + "  registrations: [web.main, web.canary, web.alt_api, other.main]\n");
    assertThat(rendered.services())
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("web-main", "web-alt--api");
    Service alt = rendered.services().get(1);
    assertThat(alt.getSpec().getSelector())
        .containsExactly(Map.entry("registrations.paasta.yelp.com/web.alt_api", "true"));
    assertThat(alt.getSpec().getPorts().get(0).getPort()).isEqualTo(20002);
    assertThat(alt.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("paasta");
    Map<String, String> podLabels =
        rendered.deployment().getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels)
        .containsEntry("registrations.paasta.yelp.com/web.main", "true")
        .containsEntry("registrations.paasta.yelp.com/web.canary", "true")
        .containsEntry("registrations.paasta.yelp.com/web.alt_api", "true")
        .containsEntry("registrations.paasta.yelp.com/other.main", "true");
  }

  @Test
  void namesAreSanitisedAndLongOnesGetAHashSuffix() {
    String longName = "a_very_long_instance_name_that_goes_on_and_on_for_ever";
    RenderedInstance rendered = new RenderFixture(tmp).render(longName, longName + ":\n" + BASE);
    String name = rendered.deployment().getMetadata().getName();
    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(name).startsWith("web-a--very--long--instance").matches(".*-[0-9a-f]{8}");
    assertThat(rendered.pdb().getMetadata().getName()).isEqualTo(name);
    assertThat(container(rendered).getName()).hasSizeLessThanOrEqualTo(63);
    assertThat(rendered.deployment().getMetadata().getLabels().get("paasta.yelp.com/instance"))
        .isEqualTo(longName);
  }

  @Test
  void preStopFromLifecycleOrTheDrainDelay() {
    Container fromCommand =
        container(
            render(
                "  lifecycle: {pre_stop_command: 'kill -USR1 1', termination_grace_period_seconds: 20}\n"));
    assertThat(fromCommand.getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("sh", "-c", "kill -USR1 1");
    RenderedInstance withList = render("  lifecycle: {pre_stop_command: [/bin/drain, now]}\n");
    assertThat(container(withList).getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("/bin/drain", "now");
    RenderedInstance hacheck =
        render("  drain_method: hacheck\n  drain_method_params: {delay: 15}\n");
    assertThat(container(hacheck).getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("sh", "-c", "sleep 15");
    assertThat(
            hacheck
                .deployment()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getTerminationGracePeriodSeconds())
        .isEqualTo(45);
    RenderedInstance noop = render("  drain_method: noop\n");
    assertThat(container(noop).getLifecycle()).isNull();
    assertThat(
            noop.deployment().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isNull();
  }

  @Test
  void renderingIsDeterministic() {
    String keys = "  env: {Z: '1', A: '2', M: SECRET(x)}\n  max_instances: 3\n";
    String first = RenderedYaml.of("t", render(keys)).yaml();
    for (int i = 0; i < 3; i++) {
      assertThat(RenderedYaml.of("t", render(keys)).yaml()).isEqualTo(first);
    }
  }

  @Test
  void deploymentHasTheDesiredCount() {
    Deployment deployment = render("  instances: 7\n").deployment();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(7);
    assertThat(deployment.getMetadata().getName()).isEqualTo("web-main");
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo("paastasvc-web");
  }
}

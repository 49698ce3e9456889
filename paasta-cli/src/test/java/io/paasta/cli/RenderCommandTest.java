package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code paasta render} end to end on the examples tree. */
class RenderCommandTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String SOA = CliRun.EXAMPLES.toString();
  private static final String SYSTEM = "../examples/etc_paasta";

  @TempDir Path tmp;

  private static CliRun render(String... args) {
    List<String> all = new ArrayList<>(List.of("render", "-y", SOA, "--system-config-dir", SYSTEM));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions()))
        .loadAll(yaml)
        .forEach(d -> documents.add((Map<String, Object>) d));
    return documents;
  }

  private static List<String> kindsAndNames(List<Map<String, Object>> documents) {
    return documents.stream()
        .map(d -> d.get("kind") + " " + ((Map<?, ?>) d.get("metadata")).get("name"))
        .toList();
  }

  @Test
  void rendersEveryInstanceOfTheClusterAsYamlDocuments() {
    CliRun r = render("-s", "hello-web", "-c", "prod-east", "--git-sha", SHA);
    assertThat(r.exit()).as(r.err()).isZero();
    List<Map<String, Object>> documents = documents(r.out());
    // the namespace and the shared Service appear once, under the first instance
    assertThat(kindsAndNames(documents))
        .containsExactly(
            "Namespace paastasvc-hello-web",
            "Deployment hello-web-canary",
            "PodDisruptionBudget hello-web-canary",
            "Service hello-web-main",
            "Deployment hello-web-main",
            "PodDisruptionBudget hello-web-main",
            "HorizontalPodAutoscaler hello-web-main");
    assertThat(r.out())
        .startsWith("---\n# hello-web.canary in prod-east: Namespace paastasvc-hello-web\n")
        .contains("# hello-web.main in prod-east: HorizontalPodAutoscaler hello-web-main\n")
        .contains("image: \"127.0.0.1:5000/services-hello-web:paasta-" + SHA + "\"")
        .contains("maxUnavailable: \"50%\"");
    assertThat(r.err())
        .contains(
            "note: cluster prod-east is not in the system config's kubernetes_clusters: rendering"
                + " with registry 127.0.0.1:5000 and namespace prefix paastasvc-");
    assertThat(render("-s", "hello-web", "-c", "prod-east", "--git-sha", SHA).out())
        .isEqualTo(r.out());
  }

  @Test
  void oneInstanceWithI() {
    CliRun r = render("-s", "greeter-api", "-c", "local", "-i", "main", "--git-sha", SHA);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(kindsAndNames(documents(r.out())))
        .containsExactly(
            "Namespace paastasvc-greeter-api",
            "Deployment greeter-api-main",
            "PodDisruptionBudget greeter-api-main",
            "Service greeter-api-main");
    assertThat(r.out())
        .contains("type: \"Recreate\"")
        .contains("name: \"paastasvc-greeter-api-secret-greeter-api-db--password\"");
    assertThat(r.out()).doesNotContain("SECRET(db_password)");
  }

  @Test
  void jobsBecomeACronJobOrTheJobTemplate() {
    CliRun r = render("-s", "batch-reports", "-c", "local", "--git-sha", SHA);
    assertThat(r.exit()).as(r.err()).isZero();
    List<Map<String, Object>> documents = documents(r.out());
    assertThat(kindsAndNames(documents))
        .containsExactly(
            "Namespace paastasvc-batch-reports",
            "Job batch-reports-nightly",
            "Job batch-reports-summarize",
            "CronJob batch-reports-heartbeat");
    assertThat(r.out())
        .contains(
            "# batch-reports.nightly in local: Job batch-reports-nightly\n"
                + "# No CronJob: run by the daemon's scheduler as Jobs: its cmd uses time"
                + " variables, filled from each run's execution date.\n")
        .contains("# No CronJob: run by the daemon's scheduler as Jobs: it runs after its parents.")
        .contains("schedule: \"* * * * *\"")
        .contains("timeZone: \"Europe/Amsterdam\"")
        .contains("echo heartbeat 100% at $(date -u +%H:%M)");
  }

  @Test
  void jsonIsOneKubernetesList() throws Exception {
    CliRun r =
        render("-s", "hello-web", "-c", "prod-east", "-i", "canary", "--git-sha", SHA, "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(list.get("kind").asText()).isEqualTo("List");
    // Namespace, Deployment, PodDisruptionBudget, and the Service of hello-web.main it registers in
    assertThat(list.get("items")).hasSize(4);
    assertThat(list.at("/items/3/kind").asText()).isEqualTo("Service");
    assertThat(list.at("/items/1/kind").asText()).isEqualTo("Deployment");
    assertThat(list.at("/items/1/spec/replicas").asInt()).isEqualTo(1);
  }

  @Test
  void anUndeployedInstanceSaysHowToRenderItAnyway() {
    CliRun r = render("-s", "hello-web", "-c", "prod-east");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "error: hello-web.canary in prod-east: not deployed (deploy group prod.canary has no"
                + " entry in deployments.json) - pass --git-sha SHA to render it as if SHA were"
                + " deployed");
    CliRun job = render("-s", "batch-reports", "-c", "local", "-i", "heartbeat");
    assertThat(job.exit()).isEqualTo(1);
    assertThat(job.err())
        .contains("error: batch-reports.heartbeat in local: not deployed (deploy group")
        .contains("--git-sha SHA");
    assertThat(render("-s", "hello-web", "-c", "prod-east", "--git-sha", "abc").err())
        .contains("--git-sha: 'abc' is not a full git sha");
  }

  @Test
  void unknownServiceClusterAndInstance() {
    assertThat(render("-s", "nope", "-c", "local").err()).contains("unknown service 'nope'");
    CliRun cluster = render("-s", "hello-web", "-c", "moon");
    assertThat(cluster.exit()).isEqualTo(1);
    assertThat(cluster.err())
        .contains(
            "hello-web has no long-running instances or jobs in cluster moon - its clusters:"
                + " local, prod-east");
    CliRun instance = render("-s", "hello-web", "-c", "local", "-i", "nope");
    assertThat(instance.exit()).isEqualTo(1);
    assertThat(instance.err())
        .contains("no instance nope of hello-web in local - its instances: main");
    assertThat(render("-s", "hello-web").err()).contains("Missing required option: '--cluster");
  }

  /** A system config folder whose kubernetes_clusters is {@code clusters} (JSON). */
  private Path systemConfig(String clusters) throws Exception {
    Path system = Files.createDirectories(tmp.resolve("etc"));
    Files.writeString(
        system.resolve("00.json"),
        "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\",\n"
            + " \"kubernetes_clusters\": "
            + clusters
            + "}");
    return system;
  }

  private static CliRun renderHelloWebWith(Path system, String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "render",
                "-y",
                SOA,
                "--system-config-dir",
                system.toString(),
                "-s",
                "hello-web",
                "-c",
                "prod-east",
                "--git-sha",
                SHA));
    all.addAll(List.of(more));
    return CliRun.run(all.toArray(String[]::new));
  }

  @Test
  void theClustersKubernetesSettingsAreUsed() throws Exception {
    Path system =
        systemConfig(
            "{\"prod-east\": {\"kubeconfig\": \"/etc/k.yaml\", \"registry\": \"registry.east:443\","
                + " \"docker_config\": \"/etc/docker.json\", \"namespace_prefix\": \"apps-\"}}");
    CliRun r = renderHelloWebWith(system, "-i", "canary");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("image: \"registry.east:443/services-hello-web:paasta-" + SHA + "\"")
        .contains("imagePullSecrets:\n      - name: \"paasta-image-pull\"")
        .contains("namespace: \"apps-hello-web\"");
  }

  @Test
  void aMalformedClusterEntryIsExplained() throws Exception {
    Path system = systemConfig("{\"prod-east\": {\"context\": \"east\"}}");
    CliRun r = renderHelloWebWith(system);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(system + "/*.json: kubernetes_clusters.prod-east.kubeconfig: is missing (and")
        .contains("in_cluster: true when the daemon runs as a pod");
  }

  @Test
  void upthendownIsReportedForItsInstanceAndTheOthersStillRender() throws Exception {
    Path soa = tmp.resolve("soa");
    Path service = soa.resolve("web");
    Files.createDirectories(service);
    Files.writeString(service.resolve("service.yaml"), "description: web\n");
    Files.writeString(
        service.resolve("kubernetes-prod.yaml"),
        "a:\n  bounce_method: upthendown\n  cmd: x\n  deploy_group: prod.a\n"
            + "b:\n  cmd: x\n  deploy_group: prod.b\n");
    CliRun r =
        CliRun.run(
            "render",
            "-y",
            soa.toString(),
            "--system-config-dir",
            SYSTEM,
            "-s",
            "web",
            "-c",
            "prod",
            "--git-sha",
            SHA);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "error: web.a in prod: bounce_method upthendown cannot run on"
                + " Kubernetes; use crossover, brutal or downthenup");
    assertThat(kindsAndNames(documents(r.out()))).contains("Deployment web-b");
  }
}

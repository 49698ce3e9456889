package io.paasta.cli;

import static io.paasta.cli.CliRun.EXAMPLES;
import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The read commands of {@code paasta} over the example soa-configs tree. */
class CliCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOA = EXAMPLES.toString();

  // --- validate ---

  @Test
  void validateOfTheExamplesExitsZeroWithACheckLinePerService() {
    CliRun r = run("validate", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "\u2713 batch-reports: valid (6 files)",
            "\u2713 greeter-api: valid (8 files)",
            "\u2713 hello-web: valid (6 files)",
            "3 services checked: 3 valid, 0 with problems (0 problems, 0 warnings)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validateVerboseListsWhenTheExampleJobsRunNext() {
    CliRun r = run("validate", "-v", "-s", "batch-reports", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    String minute = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d";
    String day = "\\d{4}-\\d\\d-\\d\\dT";
    assertThat(r.outLines())
        .contains(
            "batch-reports.summarize (local) runs after batch-reports.nightly",
            "batch-reports.summarize (prod-east) runs after batch-reports.nightly (disabled:"
                + " true, so none runs)")
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "batch-reports\\.heartbeat \\(local, Europe/Amsterdam\\) next runs: "
                            + ("(" + minute + " \\(" + minute + "Z\\)(, )?){5}")))
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "batch-reports\\.nightly \\(local, UTC\\) next runs: "
                            + ("(" + day + "00:00Z(, )?){5}")))
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "batch-reports\\.nightly \\(prod-east, UTC\\) next runs: "
                            + ("(" + day + "02:00Z(, )?){5}")));
    assertThat(run("validate", "-s", "batch-reports", "-y", SOA).out()).doesNotContain("next runs");
  }

  @Test
  void validateVerboseJsonHasTheJobsNextRuns() throws Exception {
    JsonNode json =
        JSON.readTree(run("validate", "-v", "-s", "batch-reports", "-y", SOA, "--json").out());

    JsonNode jobs = json.get("services").get(0).get("jobs");
    List<String> names = new ArrayList<>();
    for (JsonNode job : jobs) {
      names.add(job.get("cluster").asText() + " " + job.get("job").asText());
      boolean hasParents = !job.get("parents").isEmpty();
      assertThat(job.get("next_runs")).hasSize(hasParents ? 0 : 5);
    }
    assertThat(names)
        .containsExactly(
            "local batch-reports.heartbeat",
            "local batch-reports.nightly",
            "local batch-reports.summarize",
            "prod-east batch-reports.nightly",
            "prod-east batch-reports.summarize");
    assertThat(jobs.get(0).get("schedule_time_zone").asText()).isEqualTo("Europe/Amsterdam");
  }

  @Test
  void validateOfOneServiceChecksOnlyThatService() {
    CliRun r = run("validate", "-s", "greeter-api", "--soa-dir", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "\u2713 greeter-api: valid (8 files)",
            "1 service checked: 1 valid, 0 with problems (0 problems, 0 warnings)");
  }

  @Test
  void validateJsonOfTheExamplesIsValidJson() throws Exception {
    CliRun r = run("validate", "-y", SOA, "--json");

    assertThat(r.exit()).as(r.all()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("errors").asInt()).isZero();
    assertThat(json.get("warnings").asInt()).isZero();
    assertThat(json.get("tree_problems").isArray()).isTrue();
    assertThat(json.get("tree_problems")).isEmpty();
    List<String> services = new ArrayList<>();
    for (JsonNode service : json.get("services")) {
      services.add(service.get("service").asText());
      assertThat(service.get("valid").asBoolean()).isTrue();
      assertThat(service.get("files").asInt()).isPositive();
      assertThat(service.get("problems")).isEmpty();
    }
    assertThat(services).containsExactly("batch-reports", "greeter-api", "hello-web");
  }

  // --- list ---

  @Test
  void listPrintsTheThreeServices() {
    CliRun r = run("list", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines()).containsExactly("batch-reports", "greeter-api", "hello-web");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void listAllPrintsEveryServiceAsPaastaDoesAndNamesTheOldMeaning() {
    CliRun r = run("list", "-a", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines()).containsExactly("batch-reports", "greeter-api", "hello-web");
    assertThat(r.err())
        .contains("-a lists every service, as in PaaSTA; for service.instance use -i");
  }

  @Test
  void listPrintInstancesPrintsServiceInstancePairs() {
    CliRun r = run("list", "-i", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "hello-web.main",
            "hello-web.canary",
            "greeter-api.main",
            "batch-reports.nightly",
            "batch-reports.summarize",
            "batch-reports.heartbeat")
        .doesNotHaveDuplicates()
        .isSorted()
        .allMatch(line -> line.matches("(batch-reports|greeter-api|hello-web)\\.[a-z0-9_-]+"))
        .noneMatch(line -> line.contains("._")); // templates are never instances
  }

  @Test
  void listJsonIsAnArrayOfServices() throws Exception {
    JsonNode json = JSON.readTree(run("list", "-y", SOA, "--json").out());

    assertThat(json.isArray()).isTrue();
    assertThat(texts(json)).containsExactly("batch-reports", "greeter-api", "hello-web");
  }

  @Test
  void listInstancesJsonIsAnArrayOfServiceInstances() throws Exception {
    CliRun r = run("list", "--print-instances", "-y", SOA, "--json");

    assertThat(r.exit()).as(r.all()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.isArray()).isTrue();
    assertThat(texts(json))
        .contains("hello-web.main", "batch-reports.summarize")
        .isEqualTo(run("list", "-i", "-y", SOA).outLines());
  }

  // --- list-clusters ---

  @Test
  void listClustersPrintsLocalAndProdEast() {
    CliRun r = run("list-clusters", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines()).containsExactly("local", "prod-east");
  }

  @Test
  void listClustersJsonIsAnArray() throws Exception {
    JsonNode json = JSON.readTree(run("list-clusters", "-y", SOA, "--json").out());

    assertThat(texts(json)).containsExactly("local", "prod-east");
  }

  // --- info ---

  @Test
  void infoShowsWhatSoaConfigsSaysAboutAService() {
    CliRun r = run("info", "-s", "hello-web", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "Service: hello-web",
            "Description: A tiny static HTTP service (busybox httpd) used by the quick start.",
            "Git repo: file:///srv/git/hello-web.git",
            "External link: http://127.0.0.1:20001/",
            "Team: web-platform",
            "Runbook: file:///srv/runbooks/hello-web.md",
            "Deploy pipeline: itest -> push-to-registry -> local.everything"
                + " -> prod.canary (then manual) -> prod.everything",
            "SmartStack:",
            "  hello-web.main  proxy_port 20001 (http)",
            "Instances:",
            "  local",
            "  prod-east");
    assertThat(r.out())
        .contains(
            "  local\n    main (marathon): 3 x 0.1 cpus, 64 MB, deploy group local.everything,"
                + " bounce crossover, healthcheck http\n")
        .contains(
            "    canary (marathon): 1 x 0.1 cpus, 64 MB, deploy group prod.canary,"
                + " bounce crossover, healthcheck http")
        .contains(
            "    main (marathon): 3-6 autoscaled x 0.1 cpus, 64 MB,"
                + " deploy group prod.everything")
        .doesNotContain("config problems");
    // the instances are listed under their cluster, in order
    assertThat(r.out().indexOf("  local")).isLessThan(r.out().indexOf("  prod-east"));
    assertThat(r.out().indexOf("canary (marathon)")).isGreaterThan(r.out().indexOf("  prod-east"));
    assertThat(r.err()).isEmpty();
  }

  @Test
  void infoOfJobsShowsSchedulesParentsAndDiscoveryOnlyNamespaces() {
    CliRun r = run("info", "-s", "batch-reports", "-y", SOA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("  batch-reports.main  discovery only")
        .contains("nightly (chronos): 0.1 cpus, 64 MB, deploy group local.everything")
        .contains("schedule R/2026-01-01T00:00:00Z/PT24H")
        .contains("summarize (chronos)")
        .contains("after batch-reports.nightly");
  }

  @Test
  void infoJsonCarriesTheSameFacts() throws Exception {
    CliRun r = run("info", "-s", "hello-web", "-y", SOA, "--json");

    assertThat(r.exit()).as(r.all()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("service").asText()).isEqualTo("hello-web");
    assertThat(json.get("description").asText())
        .isEqualTo("A tiny static HTTP service (busybox httpd) used by the quick start.");
    assertThat(json.get("git_url").asText()).isEqualTo("file:///srv/git/hello-web.git");
    assertThat(json.get("team").asText()).isEqualTo("web-platform");
    List<String> steps = new ArrayList<>();
    json.get("pipeline").forEach(step -> steps.add(step.get("step").asText()));
    assertThat(steps)
        .containsExactly(
            "itest", "push-to-registry", "local.everything", "prod.canary", "prod.everything");
    assertThat(json.get("pipeline").get(0).get("kind").asText()).isEqualTo("build");
    assertThat(json.get("pipeline").get(3).get("kind").asText()).isEqualTo("deploy");
    assertThat(json.get("pipeline").get(3).get("trigger_next_step_manually").asBoolean()).isTrue();
    JsonNode namespace = json.get("smartstack").get(0);
    assertThat(namespace.get("namespace").asText()).isEqualTo("hello-web.main");
    assertThat(namespace.get("proxy_port").asInt()).isEqualTo(20001);
    assertThat(namespace.get("mode").asText()).isEqualTo("http");
    JsonNode instances = json.get("instances");
    assertThat(fieldNames(instances)).containsExactly("local", "prod-east");
    assertThat(instances.get("local")).hasSize(1);
    assertThat(instances.get("local").get(0).get("instance").asText()).isEqualTo("main");
    assertThat(instances.get("local").get(0).get("instances").asInt()).isEqualTo(3);
    assertThat(instances.get("local").get(0).get("deploy_group").asText())
        .isEqualTo("local.everything");
    List<String> prod = new ArrayList<>();
    instances.get("prod-east").forEach(i -> prod.add(i.get("instance").asText()));
    assertThat(prod).containsExactlyInAnyOrder("canary", "main");
  }

  @Test
  void infoOfAnUnknownServiceNamesItWithoutAStackTrace() {
    CliRun r = run("info", "-s", "no-such-service", "-y", SOA);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("error: unknown service 'no-such-service': there is no folder ")
        .contains("no-such-service in the soa-configs");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void infoWithoutAServiceOutsideASoaFolderSaysToPassOne() {
    // tests run in the paasta-cli module directory, which is no service
    CliRun r = run("info", "-y", SOA);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: no service given and none could be guessed from the current directory"
                + " - pass -s SERVICE"
                + System.lineSeparator());
  }

  // --- version, help, completion, usage errors ---

  @Test
  void versionPrintsTheVersion() {
    CliRun r = run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(0))
        .matches("paasta \\d+\\.\\d+\\.\\d+\\S* \\(PaaSTA for the JVM\\)");
    assertThat(r.outLines().get(1)).startsWith("Java " + System.getProperty("java.version"));
  }

  static Stream<String> subcommands() {
    return PaastaMain.fullCommandLine().getSubcommands().keySet().stream();
  }

  @Test
  void everyCommandOfTheIssueIsThere() {
    assertThat(subcommands()).contains("validate", "list", "list-clusters", "info", "completion");
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void helpWorksOnEverySubcommand(String subcommand) {
    for (String flag : List.of("-h", "--help")) {
      CliRun r = run(subcommand, flag);

      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.out()).startsWith("Usage: paasta " + subcommand).contains("-h, --help");
      assertThat(r.err()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "list", "list-clusters", "info"})
  void helpOfReadCommandsShowsTheSoaDirOption(String subcommand) {
    assertThat(run(subcommand, "-h").out()).contains("-y, --soa-dir=SOA_DIR").contains("--json");
  }

  @Test
  void helpOfTheRootListsTheSubcommands() {
    CliRun r = run("-h");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Usage: paasta")
        .contains("validate", "list", "list-clusters", "info", "completion");
    assertThat(run().out()).isEqualTo(r.out()); // no command: the usage
  }

  @Test
  void theDaemonsCommandsAreListedAndNamedWhereTheyRun() {
    assertThat(run("-h").out()).contains("server", "plan");

    CliRun r = run("server", "--state-dir", "/tmp/x");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("the daemon's own program").contains("bin/paasta server");
    assertThat(run("plan", "-h").out()).contains("paasta-server.jar");
  }

  @Test
  void completionPrintsABashScript() {
    CliRun r = run("completion");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("paasta")
        .contains("complete -F")
        .contains("validate")
        .contains("list-clusters")
        .contains("--soa-dir");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingIt() {
    CliRun r = run("list", "--no-such-option", "-y", SOA);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--no-such-option'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun r = run("no-such-command");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-command");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation rule of the foundation issue, with its exact message. */
class SoaValidatorTest {
  private static final SchemaValidator SCHEMAS = new SchemaValidator();

  @TempDir Path root;
  private TestTree tree;

  @BeforeEach
  void team() {
    tree = new TestTree(root);
  }

  private List<String> problems(String service) {
    return problems(service, RunLimits.defaults());
  }

  private List<String> problems(String service, RunLimits limits) {
    ValidationReport report =
        new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS, limits).validateService(service);
    return report.services().get(0).problems().stream().map(Problem::format).toList();
  }

  /**
   * Errors, without the tree policy's missing monitoring.yaml and deploy.yaml (these trees are
   * about other rules; PaastaCompatibilityTest covers those two).
   */
  private List<String> errors(String service) {
    return errors(service, RunLimits.defaults());
  }

  private List<String> errors(String service, RunLimits limits) {
    return problems(service, limits).stream()
        .filter(p -> !p.contains(": warning: "))
        .filter(p -> !p.matches("[a-z-]+/: (monitoring|deploy)\\.yaml: is missing.*"))
        .toList();
  }

  @Test
  void scheduleXorParents() {
    tree.file(
        "batch/chronos-dev.yaml",
        "a:",
        "  cmd: x",
        "b:",
        "  cmd: x",
        "  schedule: R/2026-01-01T00:00:00Z/PT1H",
        "  parents: [batch.a]");
    assertThat(errors("batch"))
        .containsExactly(
            "batch/chronos-dev.yaml:1: a.schedule: is missing and there are no parents - a schedule or parents",
            "batch/chronos-dev.yaml:6: b.parents: is set together with schedule - either a schedule or parents, not both");
  }

  @Test
  void schedulesEpsilonAndTimeZonesMustParse() {
    tree.file(
        "batch/chronos-dev.yaml",
        "iso:",
        "  schedule: R/2026-01-01T00:00:00Z/PT10S",
        "cron:",
        "  schedule: '61 * * * *'",
        "late:",
        "  schedule: '*/5 * * * *'",
        "  epsilon: 30 minutes",
        "  schedule_time_zone: Mars/Olympus");
    assertThat(errors("batch"))
        .containsExactly(
            "batch/chronos-dev.yaml:2: iso.schedule: runs more often than once a minute (\"R/2026-01-01T00:00:00Z/PT10S\") - a period of at least 60s",
            "batch/chronos-dev.yaml:4: cron.schedule: is neither an ISO 8601 repeating interval nor a cron expression"
                + " (the minute '61' is out of range (0-59)) (\"61 * * * *\") - R[n]/<start>/<period> such as"
                + " R/2016-07-28T00:00:00Z/PT2M, or a cron expression such as */5 * * * *",
            "batch/chronos-dev.yaml:7: late.epsilon: is not an ISO 8601 duration (\"30 minutes\") - a duration such as PT60S or PT30M",
            "batch/chronos-dev.yaml:8: late.schedule_time_zone: is not a time zone (\"Mars/Olympus\") - a tz database name such as UTC or America/Los_Angeles");
  }

  @Test
  void parentsMustNameExistingJobsOfTheSameCluster() {
    tree.file(
            "batch/chronos-dev.yaml",
            "a:",
            "  schedule: '@daily'",
            "b:",
            "  parents: [batch.a, other.job, batch.nope]")
        .file("other/chronos-prod.yaml", "job:", "  schedule: '0 1 * * *'");
    assertThat(errors("batch"))
        .contains(
            "batch/chronos-dev.yaml:4: b.parents: names a job that does not exist (\"other.job\") - a job of other/chronos-dev.yaml",
            "batch/chronos-dev.yaml:4: b.parents: names a job that does not exist (\"batch.nope\") - a job of batch/chronos-dev.yaml");
  }

  @Test
  void aCronDateThatNeverExistsIsRefused() {
    tree.file(
        "batch/chronos-dev.yaml",
        "feb:",
        "  schedule: '0 0 30 2 *'",
        "april:",
        "  schedule: '0 0 31 4 *'",
        "leap:",
        "  schedule: '0 0 29 2 *'");
    assertThat(errors("batch"))
        .containsExactly(
            "batch/chronos-dev.yaml:2: feb.schedule: never runs (no date matches it) (\"0 0 30 2 *\") - a cron expression whose day of month exists in its months, such as 0 0 28 2 *",
            "batch/chronos-dev.yaml:4: april.schedule: never runs (no date matches it) (\"0 0 31 4 *\") - a cron expression whose day of month exists in its months, such as 0 0 28 2 *");
  }

  @Test
  void aCmdWhoseTimeVariablesDoNotFillIsRefused() {
    tree.file(
        "batch/chronos-dev.yaml",
        "ok:",
        "  schedule: '@daily'",
        "  cmd: echo %(shortdate-1)s 100%%",
        "unknown:",
        "  schedule: '@daily'",
        "  cmd: echo %(date)s",
        "percent:",
        "  schedule: '@daily'",
        "  cmd: echo 100%");
    assertThat(errors("batch"))
        .containsExactly(
            "batch/chronos-dev.yaml:6: unknown.cmd: Unparseable command 'echo %(date)s'. Hint: do you need to escape % chars? - time variables as %(name)s with shortdate, year, month, day, hour, unixtime, daynumber; unknown time variable 'date' (known: shortdate, year, month, day, hour, unixtime, daynumber, with +N or -N)",
            "batch/chronos-dev.yaml:9: percent.cmd: Unparseable command 'echo 100%'. Hint: do you need to escape % chars? - time variables as %(name)s with shortdate, year, month, day, hour, unixtime, daynumber; the '%' at the end is incomplete (write %% for a %)");
  }

  @Test
  void parentsThatLeadBackToTheJobAreRefused() {
    tree.file(
            "batch/chronos-dev.yaml",
            "a:",
            "  parents: [other.b]",
            "self:",
            "  parents: batch.self",
            "fine:",
            "  parents: [batch.root]",
            "root:",
            "  schedule: '@daily'")
        .file("other/chronos-dev.yaml", "b:", "  parents: [other.c]", "c:", "  parents: [batch.a]");
    assertThat(errors("batch"))
        .containsExactly(
            "batch/chronos-dev.yaml:2: a.parents: makes a cycle: batch.a -> other.b -> other.c -> batch.a ([other.b]) - parents that do not lead back to batch.a",
            "batch/chronos-dev.yaml:4: self.parents: makes a cycle: batch.self -> batch.self ([batch.self]) - parents that do not lead back to batch.self");
    assertThat(errors("other"))
        .containsExactly(
            "other/chronos-dev.yaml:2: b.parents: makes a cycle: other.b -> other.c -> batch.a -> other.b ([other.c]) - parents that do not lead back to other.b",
            "other/chronos-dev.yaml:4: c.parents: makes a cycle: other.c -> batch.a -> other.b -> other.c ([batch.a]) - parents that do not lead back to other.c");
  }

  @Test
  void bounceMarginFactorMustBeInZeroToOne() {
    tree.file(
        "web/marathon-dev.yaml",
        "a:",
        "  bounce_margin_factor: 0",
        "b:",
        "  bounce_margin_factor: 1.5",
        "c:",
        "  bounce_margin_factor: 1");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:2: a.bounce_margin_factor: is out of range (0) - a number in (0, 1]",
            "web/marathon-dev.yaml:4: b.bounce_margin_factor: is out of range (1.5) - a number in (0, 1]");
  }

  @Test
  void bounceMarginFactorInheritedFromServiceYamlIsCheckedToo() {
    tree.file("web/service.yaml", "bounce_margin_factor: 2")
        .file("web/marathon-dev.yaml", "main: {}");
    assertThat(errors("web"))
        .anySatisfy(
            p -> assertThat(p).startsWith("web/service.yaml:1: ").contains("bounce_margin_factor"));
  }

  @Test
  void cmdHealthchecksNeedACommand() {
    tree.file("web/marathon-dev.yaml", "main:", "  healthcheck_mode: cmd");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:1: main.healthcheck_cmd: is missing while healthcheck_mode is cmd - a healthcheck_cmd to run in the container");
  }

  @Test
  void instanceNamesFollowTheRule() {
    tree.file("web/marathon-dev.yaml", "Main: {}", "ok_1: {}", "-bad: {}", "_template: {cpus: x}");
    assertThat(errors("web"))
        .allSatisfy(p -> assertThat(p).contains("is not a valid"))
        .anySatisfy(p -> assertThat(p).startsWith("web/marathon-dev.yaml:1: Main"))
        .anySatisfy(p -> assertThat(p).startsWith("web/marathon-dev.yaml:3: -bad"))
        .hasSize(2);
  }

  @Test
  void registrationsMustNameExistingNamespaces() {
    tree.file("web/smartstack.yaml", "main:", "  proxy_port: 20001")
        .file("web/marathon-dev.yaml", "main:", "  registrations: [web.main, web.nope, db.main]")
        .file("db/smartstack.yaml", "main:", "  proxy_port: 20002");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:2: main.registrations: names a namespace that does not exist (\"web.nope\") - a namespace of web/smartstack.yaml");
  }

  @Test
  void proxyPortsAreInRangeAndUniqueAcrossTheTree() {
    tree.file("web/smartstack.yaml", "main:", "  proxy_port: 20001", "big:", "  proxy_port: 70000")
        .file("db/smartstack.yaml", "main:", "  proxy_port: 20001");
    assertThat(errors("web"))
        .containsExactly(
            "web/smartstack.yaml:2: main.proxy_port: is also used by db.main (20001) - a proxy_port unique across the soa-configs tree",
            "web/smartstack.yaml:4: big.proxy_port: is not a TCP port (70000) - a port in 1..65535");
    ValidationReport all = new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS).validateAll();
    assertThat(all.services()).allSatisfy(s -> assertThat(s.valid()).isFalse());
  }

  @Test
  @org.junit.jupiter.api.Timeout(120) // a pipe opened for reading would wait forever
  void oneServiceFindsTheSamePortClashesAsTheWholeTree() throws Exception {
    tree.file("web/smartstack.yaml", "main:", "  proxy_port: 20001", "alt:", "  proxy_port: 20005")
        .file("plain/smartstack.yaml", "main:", "  proxy_port: 20001")
        .file("hex/smartstack.yaml", "main:", "  proxy_port: 0x4E25")
        .file("alias/smartstack.yaml", "base: &p 20001", "main:", "  proxy_port: *p")
        .file("other/smartstack.yaml", "main:", "  proxy_port: 20002  # not 20001")
        .file("empty/smartstack.yaml", "");
    // Latin-1 text (not UTF-8): unreadable as YAML, so it defines no port either way
    java.nio.file.Files.createDirectories(root.resolve("latin"));
    java.nio.file.Files.write(
        root.resolve("latin/smartstack.yaml"),
        "main:\n  proxy_port: 20001\n  note: caf\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    // a service folder that is a link inside the tree, a smartstack.yaml linking inside the tree
    // and one linking out of it (never read), a folder named smartstack.yaml, no smartstack.yaml
    tree.file("linked-target/smartstack.yaml", "other:", "  proxy_port: 20005");
    java.nio.file.Files.createSymbolicLink(root.resolve("linked"), Path.of("linked-target"));
    tree.file("inner-link/service.yaml", "description: x");
    java.nio.file.Files.createSymbolicLink(
        root.resolve("inner-link/smartstack.yaml"), Path.of("../plain/smartstack.yaml"));
    Path outside = java.nio.file.Files.createTempFile("smartstack", ".yaml");
    java.nio.file.Files.writeString(outside, "main:\n  proxy_port: 20001\n");
    tree.file("outer-link/service.yaml", "description: x");
    java.nio.file.Files.createSymbolicLink(root.resolve("outer-link/smartstack.yaml"), outside);
    java.nio.file.Files.createDirectories(root.resolve("folder/smartstack.yaml"));
    // a named pipe is never opened (opening one for reading waits for a writer)
    java.nio.file.Files.createDirectories(root.resolve("pipe"));
    assertThat(
            new ProcessBuilder("mkfifo", root.resolve("pipe/smartstack.yaml").toString())
                .start()
                .waitFor())
        .isZero();
    tree.file("none/service.yaml", "description: x");
    // more services than one thread claims at a time, so that both threads read some
    for (int i = 0; i < 40; i++) {
      tree.file("filler" + i + "/smartstack.yaml", "main:", "  proxy_port: " + (21000 + i));
    }
    ValidationReport all = new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS).validateAll();
    for (ServiceReport whole : all.services()) {
      List<String> alone = problems(whole.service());
      assertThat(alone)
          .as(whole.service())
          .containsExactlyInAnyOrderElementsOf(
              whole.problems().stream().map(Problem::format).toList());
    }
    assertThat(errors("web"))
        .filteredOn(p -> p.contains("proxy_port"))
        .containsExactlyInAnyOrder(
            "web/smartstack.yaml:2: main.proxy_port: is also used by alias.main, inner-link.main, plain.main (20001) - a proxy_port unique across the soa-configs tree",
            "web/smartstack.yaml:4: alt.proxy_port: is also used by hex.main, linked.other, linked-target.other (20005) - a proxy_port unique across the soa-configs tree");
    java.nio.file.Files.delete(outside);
  }

  @Test
  void oneServiceOfATreeThatCannotBeListedSaysSo() throws Exception {
    tree.file("web/smartstack.yaml", "main:", "  proxy_port: 20001");
    SoaValidator validator = new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS);
    // the tree goes away after it was opened: listing it (on the second thread) fails
    try (var files = java.nio.file.Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(f -> f.delete());
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validateService("web"))
        .isInstanceOf(io.paasta.config.ConfigException.class)
        .hasMessageContaining("cannot list soa-configs directory");
  }

  @Test
  void twoNamespacesOfOneServiceCannotShareAProxyPort() {
    tree.file(
        "web/smartstack.yaml", "main:", "  proxy_port: 20001", "canary:", "  proxy_port: 20001");
    assertThat(errors("web"))
        .containsExactlyInAnyOrder(
            "web/smartstack.yaml:2: main.proxy_port: is also used by web.canary (20001) - a proxy_port unique across the soa-configs tree",
            "web/smartstack.yaml:4: canary.proxy_port: is also used by web.main (20001) - a proxy_port unique across the soa-configs tree");
  }

  @Test
  void deployGroupsMustBeStepsOfDeployYaml() {
    tree.file("web/deploy.yaml", "pipeline:", "- step: itest", "- step: dev.everything")
        .file("web/marathon-dev.yaml", "main:", "  deploy_group: dev.everything", "canary: {}");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:3: canary.deploy_group: is not a step of web/deploy.yaml (\"dev.canary\") - one of the pipeline's deploy groups: dev.everything");
  }

  @Test
  void secretsMustExist() {
    tree.file(
            "web/secrets/present.json",
            "{\"environments\": {\"dev\": {\"ciphertext\": \"x\", \"signature\": \"y\"}}}")
        .file(
            "web/marathon-dev.yaml",
            "main:",
            "  env:",
            "    A: SECRET(present)",
            "    B: SECRET(absent)",
            "    C: SECRET(../etc/passwd)");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:4: main.env.B: Secret file web/secrets/absent.json not defined (\"SECRET(absent)\") - a secret made with `paasta secret add -s web -n absent`",
            "web/marathon-dev.yaml:5: main.env.C: secret name '../etc/passwd' holds '/' or '..': a secret name is a file name, not a path (\"SECRET(../etc/passwd)\") - letters, digits, '-' and '_', not starting with '-' or '_'");
  }

  @Test
  void aSecretMustBeDefinedForTheClustersEcosystem() {
    tree.file(
            "web/secrets/db.json",
            "{\"environments\": {\"prod\": {\"ciphertext\": \"x\", \"signature\": \"y\"}}}")
        .file("web/marathon-dev.yaml", "main:", "  env:", "    DB: SECRET(db)")
        .file("web/marathon-prod-east.yaml", "main:", "  env:", "    DB: SECRET(db)");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:3: main.env.DB: Secret db not defined for ecosystem dev on secret file web/secrets/db.json (\"SECRET(db)\") - the value encrypted for dev: `paasta secret update -s web -n db -c dev`",
            "web/marathon-prod-east.yaml:3: main.env.DB: Secret db not defined for ecosystem prod-east on secret file web/secrets/db.json (\"SECRET(db)\") - the value encrypted for prod-east: `paasta secret update -s web -n db -c prod-east`");

    RunLimits limits =
        RunLimits.of(java.util.Map.of("vault_cluster_map", java.util.Map.of("prod-east", "prod")));
    assertThat(errors("web", limits))
        .containsExactly(
            "web/marathon-dev.yaml:3: main.env.DB: Secret db not defined for ecosystem dev on secret file web/secrets/db.json (\"SECRET(db)\") - the value encrypted for dev: `paasta secret update -s web -n db -c dev`");
  }

  @Test
  void typosAndWrongTypesAreNamedWithTheirLine() {
    tree.file(
        "web/marathon-dev.yaml",
        "main:",
        "  instnaces: 3",
        "  cpus: lots",
        "  bounce_method: sideways");
    assertThat(errors("web"))
        .containsExactly(
            "web/marathon-dev.yaml:2: main.instnaces: is not a known key - did you mean instances?",
            "web/marathon-dev.yaml:3: main.cpus: is a string (\"lots\") - expected a number",
            "web/marathon-dev.yaml:4: main.bounce_method: is not an allowed value (\"sideways\") - one of brutal, upthendown, crossover, downthenup, down");
  }

  @Test
  void noTeamIsAWarningNotAnError() {
    tree.file("web/marathon-dev.yaml", "main: {}")
        .file("web/monitoring.yaml", "notification_email: web@example.com")
        .file("web/deploy.yaml", "pipeline:", "- step: dev.main");
    assertThat(problems("web"))
        .containsExactly(
            "web/monitoring.yaml: warning: team: is not set for main in dev, so no alert will be sent - a team in monitoring.yaml (or an instance's monitoring dict)");
    assertThat(
            new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS).validateService("web").valid())
        .isTrue();
  }

  @Test
  void theExamplesAreValid() {
    ValidationReport report =
        new SoaValidator(SoaConfigsLoader.open(Path.of("../examples/soa-configs")), SCHEMAS)
            .validateAll();
    assertThat(report.services()).hasSize(3).allSatisfy(s -> assertThat(s.problems()).isEmpty());
  }
}

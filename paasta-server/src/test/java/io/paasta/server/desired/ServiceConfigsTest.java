package io.paasta.server.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.validate.RunLimits;
import io.paasta.config.validate.SchemaValidator;
import io.paasta.config.validate.ServiceCheck;
import io.paasta.server.DaemonLog;
import io.paasta.server.status.StatusRegistry;
import io.paasta.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which load of a service the daemon acts on: its last good one, chosen file by file. */
class ServiceConfigsTest {
  private static final SchemaValidator SCHEMAS = new SchemaValidator();

  @TempDir Path root;
  @TempDir Path state;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final StatusRegistry status = new StatusRegistry();
  private final List<String> deferred = new ArrayList<>();
  private ServiceConfigs configs;

  @BeforeEach
  void configs() {
    SoaConfigsLoader loader = SoaConfigsLoader.open(root);
    configs =
        new ServiceConfigs(
            loader,
            new ServiceCheck(loader, SCHEMAS, RunLimits.defaults()),
            status,
            new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock),
            clock,
            new FileSettle(FileSettle.DEFAULT_SETTLE),
            LastGoodConfigs.NONE,
            java.util.Optional.empty());
    configs.onDeferred((service, at) -> deferred.add(service + " at " + at));
  }

  /** Writes a file last modified a minute ago (settled), as checked out long before. */
  private void file(String relative, String text) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    Files.setLastModifiedTime(path, FileTime.from(clock.instant().minusSeconds(60)));
  }

  private int instances(String service) {
    return configs.service(service).orElseThrow().service().instances().size();
  }

  @Test
  void aLoadWithARunConfigProblemKeepsTheLastGoodOne() throws IOException {
    file("web/marathon-dev.yaml", "main: {instances: 2}\ncanary: {instances: 1}\n");
    configs.reloadAll();
    assertThat(instances("web")).isEqualTo(2);
    long generation = configs.generation("web");
    configs.reloadAll();
    assertThat(configs.generation("web")).as("the same files again").isEqualTo(generation);

    file("web/marathon-dev.yaml", "main: {instances: 2, healthcheck_interval_seconds: 0}\n");
    configs.reload("web");
    assertThat(instances("web")).as("the last good load").isEqualTo(2);
    assertThat(configs.generation("web")).isEqualTo(generation);
    assertThat(status.serviceProblems().get("web"))
        .singleElement()
        .asString()
        .contains("main.healthcheck_interval_seconds: is too small");

    file("web/marathon-dev.yaml", "main: {instances: 3}\n");
    configs.reload("web");
    assertThat(instances("web")).isEqualTo(1);
    assertThat(configs.generation("web")).isGreaterThan(generation);
    assertThat(status.serviceProblems()).doesNotContainKey("web");
  }

  @Test
  void aRestartWhileAServiceIsBrokenActsOnItsLastGoodCopy() throws IOException {
    file("web/marathon-dev.yaml", "main: {instances: 2}\ncanary: {instances: 1}\n");
    file("api/marathon-dev.yaml", "main: {instances: 1}\n");
    keepingCopies().reloadAll();
    file("web/marathon-dev.yaml", "main: {instances: 2, healthcheck_interval_seconds: 0}\n");

    ServiceConfigs restarted = keepingCopies(); // the daemon restarts while the file is broken
    restarted.reloadAll();
    assertThat(restarted.unknownServices()).isEmpty();
    assertThat(restarted.service("web").orElseThrow().service().instances()).hasSize(2);
    assertThat(status.serviceProblems().get("web"))
        .singleElement()
        .asString()
        .contains("main.healthcheck_interval_seconds: is too small");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            "web: acting on its last good config kept in "
                + state.resolve("last-good-configs/web"));

    file("web/marathon-dev.yaml", "main: {instances: 3}\n"); // fixed: the files count again
    restarted.reload("web");
    assertThat(restarted.service("web").orElseThrow().service().instances()).hasSize(1);
    assertThat(status.serviceProblems()).doesNotContainKey("web");
  }

  @Test
  void aServiceNeverGoodOrRemovedHasNoCopy() throws IOException {
    file("web/marathon-dev.yaml", "main: {instances: 2}\n");
    file("new/marathon-dev.yaml", "main: {healthcheck_interval_seconds: 0}\n");
    keepingCopies().reloadAll();
    assertThat(state.resolve("last-good-configs/web/marathon-dev.yaml")).exists();
    assertThat(state.resolve("last-good-configs/new")).doesNotExist();

    ServiceConfigs restarted = keepingCopies();
    restarted.reloadAll();
    assertThat(restarted.unknownServices()).containsExactly("new");

    Files.delete(root.resolve("web/marathon-dev.yaml"));
    Files.delete(root.resolve("web"));
    restarted.reloadAll();
    assertThat(state.resolve("last-good-configs/web")).doesNotExist();
  }

  @Test
  void withoutKeptCopiesARestartLeavesABrokenServiceAlone() throws IOException {
    file("web/marathon-dev.yaml", "main: {instances: 2}\n");
    configs.reloadAll();
    file("web/marathon-dev.yaml", "main: {instances: 2, healthcheck_interval_seconds: 0}\n");
    configs();
    configs.reloadAll();
    assertThat(configs.unknownServices()).containsExactly("web");
    assertThat(configs.service("web")).isEmpty();
  }

  /** Configs as {@code paasta server} makes them: last good loads kept in the state dir. */
  private ServiceConfigs keepingCopies() {
    return ServiceConfigs.of(
        SoaConfigsLoader.open(root),
        new io.paasta.model.SystemConfig(
            "dev",
            "registry.example",
            java.util.Optional.empty(),
            List.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            "localhost",
            3030,
            "localhost",
            3212,
            java.util.Optional.empty(),
            java.util.Map.of()),
        status,
        new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock),
        clock,
        LastGoodConfigs.in(state));
  }

  @Test
  void treePolicyOnlyWarns() throws IOException {
    file("web/deploy.yaml", "pipeline:\n- step: dev.everything\n");
    file("web/marathon-dev.yaml", "main: {deploy_group: elsewhere}\n");
    configs.reloadAll();
    assertThat(configs.service("web")).isPresent();
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("2 problem(s) of tree policy")
        .contains("warning: main.deploy_group: is not a step of web/deploy.yaml")
        .contains("warning: monitoring.yaml: is missing");
  }

  @Test
  void aFileWrittenInPlaceIsReadOnceSettled() throws IOException {
    file("web/marathon-dev.yaml", "main: {instances: 2}\n");
    configs.reloadAll();
    Path instanceFile = root.resolve("web/marathon-dev.yaml");
    Files.writeString(instanceFile, ""); // truncated, the rest not written yet
    Files.setLastModifiedTime(instanceFile, FileTime.from(clock.instant()));
    configs.fileChanged("web", "marathon-dev.yaml", FileSettle.Change.WRITTEN);
    configs.reload("web");
    assertThat(instances("web")).isEqualTo(1);
    assertThat(deferred).containsExactly("web at 2026-12-05T12:00:00.250Z");

    Files.writeString(instanceFile, "main: {instances: 2}\nsecond: {}\n");
    Files.setLastModifiedTime(instanceFile, FileTime.from(clock.instant().plusMillis(100)));
    clock.advance(Duration.ofMillis(360));
    configs.reload("web");
    assertThat(instances("web")).isEqualTo(2);
  }

  @Test
  void aServiceWhoseFilesAreBeingWrittenAtStartIsLeftAloneUntilLoaded() throws IOException {
    file("web/marathon-dev.yaml", "main: {instances: 2}\n");
    Files.setLastModifiedTime(
        root.resolve("web/marathon-dev.yaml"), FileTime.from(clock.instant().minusMillis(100)));
    configs.reloadAll();
    assertThat(configs.service("web")).isEmpty();
    assertThat(configs.unknownServices()).containsExactly("web");
    clock.advance(Duration.ofMillis(200));
    configs.reload("web");
    assertThat(configs.service("web")).isPresent();
    assertThat(configs.unknownServices()).isEmpty();
  }

  @Test
  void aProxyPortOfARunningServiceIsNotGivenToAnother() throws IOException {
    file("web/smartstack.yaml", "main: {proxy_port: 20001}\n");
    file("api/smartstack.yaml", "main: {proxy_port: 20002}\n");
    configs.reloadAll();
    file("api/smartstack.yaml", "main: {proxy_port: 20001}\n");
    configs.reload("api");
    configs.reloadAll();
    assertThat(configs.service("api").orElseThrow().service().namespaces().get("main").proxyPort())
        .hasValue(20002);
    assertThat(status.serviceProblems().get("api"))
        .singleElement()
        .asString()
        .contains("main.proxy_port: is also used by web.main");
    assertThat(status.serviceProblems()).doesNotContainKey("web");
  }

  @Test
  void atStartTheServiceWhoseFilesChangedLastIsRefused() throws IOException {
    file("web/smartstack.yaml", "main: {proxy_port: 20001}\n");
    file("api/smartstack.yaml", "main: {proxy_port: 20001}\n");
    Files.setLastModifiedTime(
        root.resolve("web/smartstack.yaml"), FileTime.from(clock.instant().minusSeconds(120)));
    configs.reloadAll();
    assertThat(configs.service("web")).isPresent();
    assertThat(configs.service("api")).isEmpty();
    assertThat(configs.unknownServices()).containsExactly("api");
  }
}

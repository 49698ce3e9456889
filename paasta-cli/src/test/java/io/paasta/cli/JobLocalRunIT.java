package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.planning.app.Labels;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.ExampleRepository;
import io.paasta.testing.TestInfrastructure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta local-run} of a scheduled job against the real Docker engine: one attempt with the
 * job's env and its cmd's time variables filled for {@code --date}, the job's exit code as
 * local-run's.
 */
class JobLocalRunIT {
  @RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();

  private final DockerClient docker = ENGINE.docker();
  private final String registry = ENGINE.registry();

  @TempDir Path tmp;
  private final RegistryImages images = new RegistryImages();
  private final String service = TestInfrastructure.randomService("it-jlr");
  private final String cluster = "it-jlr-" + TestInfrastructure.randomSha().substring(0, 6);
  private Path soa;
  private Path system;
  private Path repo;

  @BeforeEach
  void aServiceWithJobsItsCheckoutAndASystemConfig() throws Exception {
    ConfigTree soaConfigs = ConfigTree.soaConfigs(tmp);
    soa = soaConfigs.root();
    soaConfigs.write(
        service + "/service.yaml",
        "git_url: file:///srv/git/" + service + ".git\ndocker_registry: \"" + registry + "\"\n");
    soaConfigs.write(
        service + "/chronos-" + cluster + ".yaml",
        String.join(
            "\n",
            "report:",
            "  schedule: R/2026-01-01T00:00:00Z/P1D",
            "  schedule_time_zone: Europe/Amsterdam",
            "  cpus: 0.1",
            "  mem: 64",
            "  env:",
            "    KIND: nightly",
            "  cmd: \"echo $KIND report for %(shortdate-1)s hour %(hour)s as $PAASTA_INSTANCE,"
                + " 100%%; exit 4\"",
            "  deploy_group: " + cluster + ".everything",
            "plain:",
            "  schedule: '* * * * *'",
            "  cmd: \"echo plain run\"",
            "  deploy_group: " + cluster + ".everything",
            ""));
    soaConfigs.write(
        service + "/marathon-" + cluster + ".yaml",
        "main:\n  cmd: \"httpd -f -p 127.0.0.1:$PORT0 -h /www\"\n  deploy_group: "
            + cluster
            + ".everything\n");
    ConfigTree systemConfig = ConfigTree.systemConfig(tmp);
    system = systemConfig.root();
    systemConfig.write(
        "10-cluster.json",
        "{\"cluster\": \""
            + cluster
            + "\", \"docker_registry\": \""
            + registry
            + "\", \"local_run_config\": {\"default_cluster\": \""
            + cluster
            + "\"}}\n");
    ExampleRepository checkout = ExampleRepository.committed("hello-web", tmp);
    repo = checkout.dir();
    images.track(new DockerImageName(registry, service, checkout.head()));
  }

  @AfterEach
  void removeContainersAndImages() {
    for (Container left : localRunContainers()) {
      docker.removeContainerCmd(left.getId()).withForce(true).exec();
    }
    images.removeAll(docker);
  }

  private CliRun localRun(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "local-run",
                "-s",
                service,
                "-y",
                soa.toString(),
                "--system-config-dir",
                system.toString(),
                "--repo-dir",
                repo.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private List<Container> localRunContainers() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("paasta_local_run", "true", Labels.SERVICE, service))
        .exec();
  }

  @Test
  void aJobRunsOnceForItsExecutionDateAndLocalRunExitsWithItsCode() {
    CliRun r = localRun("-i", "report", "--date", "2026-03-01T07:00:00");

    assertThat(r.exit()).as(r.all()).isEqualTo(4);
    assertThat(r.outLines())
        .contains(
            "==> "
                + service
                + ".report for execution date 2026-03-01T07:00 Europe/Amsterdam:"
                + " echo $KIND report for 2026-02-28 hour 07 as $PAASTA_INSTANCE, 100%; exit 4",
            "nightly report for 2026-02-28 hour 07 as report, 100%")
        .noneMatch(l -> l.contains("health check"))
        .anyMatch(l -> l.matches("==> local-run-" + service + "\\.report\\..* exited with code 4"));
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void withoutDateTheJobRunsForNowAndSaysSo() {
    CliRun r = localRun("-i", "plain");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .anyMatch(
            l ->
                l.startsWith("==> " + service + ".plain for now, ")
                    && l.endsWith(
                        " UTC (no --date: its time variables are filled for now): echo plain run"))
        .contains("plain run");
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void aDateForAnInstanceThatIsNoJobIsRefused() {
    CliRun r = localRun("-i", "main", "--date", "2026-03-01T07:00:00", "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "--date is the execution date of a scheduled job, and "
                + service
                + ".main is not one (its file: marathon-"
                + cluster
                + ".yaml)");
  }
}

package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.ContainerSpecFactory;
import io.paasta.backend.docker.localrun.DockerRunCommand;
import io.paasta.cli.CliRun;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.Deployments;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SystemConfig;
import io.paasta.model.Volume;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.app.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A local-run container of the example hello-web, against what the daemon would create. */
class LocalContainerFactoryTest {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final String NAME = "local-run-hello-web-0badf00d";

  static final SystemConfig SYSTEM =
      new SystemConfig(
          "local",
          "127.0.0.1:5000",
          Optional.empty(),
          List.of(new Volume("/etc/shared", "/srv/shared", Volume.Mode.RO)),
          Map.of(),
          Map.of(),
          SystemConfig.DEFAULT_SENSU_HOST,
          SystemConfig.DEFAULT_SENSU_PORT,
          SystemConfig.DEFAULT_SYNAPSE_HOST,
          SystemConfig.DEFAULT_SYNAPSE_PORT,
          Optional.of("local"),
          Map.of());

  static LoadedService helloWeb() {
    return SoaConfigsLoader.open(CliRun.EXAMPLES).load("hello-web");
  }

  static LongRunningConfig main() {
    return LocalRunTarget.resolve(helloWeb(), "local", "main");
  }

  static LocalImage image(LongRunningConfig config) {
    return LocalImage.built(config, LocalImage.buildName(helloWeb().service(), SYSTEM, SHA));
  }

  static LocalContainer container(Optional<String> cmd, boolean healthcheck) {
    LongRunningConfig config = main();
    DesiredInstance desired =
        LocalContainerFactory.desired(
            config, helloWeb().service().config(), SYSTEM, image(config).deployments());
    return LocalContainerFactory.container(desired, cmd, healthcheck, List.of(31007), NAME);
  }

  @Test
  void theContainerIsTheDaemonsTaskExceptForTheLabelThatMakesTheDaemonAdoptIt() {
    LongRunningConfig config = main();
    DesiredInstance daemon =
        DesiredInstanceFactory.create(
                config,
                Optional.of(image(config).deployments()),
                SYSTEM,
                helloWeb().service().config(),
                OptionalInt.empty())
            .orElseThrow();
    ContainerSpec task =
        ContainerSpecFactory.build(
            config.ref(), daemon.appId(), daemon.run(), List.of(31007), NAME);

    LocalContainer local = container(Optional.empty(), true);

    assertThat(local.appId()).isEqualTo(daemon.appId());
    assertThat(local.spec().image()).isEqualTo(task.image());
    assertThat(local.spec().env()).isEqualTo(task.env());
    assertThat(local.spec().command()).isEqualTo(task.command());
    assertThat(DockerRunCommand.hostFlags(local.spec().hostConfig()))
        .isEqualTo(DockerRunCommand.hostFlags(task.hostConfig()));
    Map<String, String> expectedLabels = new java.util.TreeMap<>(task.labels());
    expectedLabels.remove(Labels.MANAGED);
    expectedLabels.put(LocalContainerFactory.LOCAL_RUN, "true");
    assertThat(local.spec().labels()).isEqualTo(expectedLabels).doesNotContainKey(Labels.MANAGED);
    assertThat(local.healthcheck()).isEqualTo(config.healthcheck());
  }

  @Test
  void theEnvironmentIsTheClustersWithThePortVariables() {
    LocalContainer local = container(Optional.empty(), true);

    assertThat(local.spec().env())
        .contains(
            "PAASTA_SERVICE=hello-web",
            "PAASTA_INSTANCE=main",
            "PAASTA_CLUSTER=local",
            "PAASTA_DEPLOY_GROUP=local.everything",
            "PAASTA_DOCKER_IMAGE=services-hello-web:paasta-" + SHA,
            "PORT0=31007",
            "PORT=31007",
            "MARATHON_PORT=31007",
            "PORTS=31007",
            "HOST=127.0.0.1",
            "MESOS_TASK_ID=" + NAME,
            "MARATHON_APP_ID=/" + local.appId(),
            "GREETING=hello",
            "HELLO_WEB_ROLE=main");
    assertThat(local.image()).isEqualTo("127.0.0.1:5000/services-hello-web:paasta-" + SHA);
    assertThat(local.port0()).isEqualTo(31007);
  }

  @Test
  void cmdReplacesTheInstancesCommandThroughAShell() {
    LocalContainer local = container(Optional.of("echo $PORT0; env"), true);

    assertThat(local.spec().entrypoint()).contains(List.of("/bin/sh", "-c"));
    assertThat(local.spec().cmd()).contains(List.of("echo $PORT0; env"));
    assertThat(container(Optional.empty(), true).spec().cmd())
        .contains(List.of("httpd -f -p ${PAASTA_POD_IP:-127.0.0.1}:$PORT0 -h /www"));
  }

  @Test
  void theHealthCheckCanBeTurnedOff() {
    assertThat(container(Optional.empty(), false).healthcheck().mode())
        .isEqualTo(HealthcheckMode.NONE);
    assertThat(container(Optional.empty(), true).healthcheck().mode())
        .isEqualTo(HealthcheckMode.HTTP);
  }

  @Test
  void anAdhocInstanceRunsAsOneTaskWithItsOwnSettings() {
    LoadedService greeter = SoaConfigsLoader.open(CliRun.EXAMPLES).load("greeter-api");
    LongRunningConfig shell = LocalRunTarget.resolve(greeter, "local", "shell");
    LocalImage image =
        LocalImage.built(shell, LocalImage.buildName(greeter.service(), SYSTEM, SHA));

    DesiredInstance desired =
        LocalContainerFactory.desired(
            shell, greeter.service().config(), SYSTEM, image.deployments());
    LocalContainer local =
        LocalContainerFactory.container(desired, Optional.empty(), true, List.of(31000), NAME);

    assertThat(local.spec().cmd()).contains(List.of("sh"));
    assertThat(local.spec().env())
        .contains("PAASTA_INSTANCE=shell", "DB_PASSWORD=SECRET(db_password)", "PORT0=31000");
    assertThat(local.spec().labels()).containsEntry(Labels.KIND, "adhoc");
  }

  @Test
  void pullTakesTheImageAndShaOfDeploymentsJson() {
    LongRunningConfig config = main();
    Deployments deployed =
        new Deployments(
            Map.of(
                "local.everything",
                new Deployments.DeployGroupDeployment(
                    "services-hello-web:paasta-" + SHA.replace('0', 'f'), SHA.replace('0', 'f'))),
            Map.of());
    io.paasta.model.Service service =
        new io.paasta.model.Service(
            helloWeb().service().config(),
            helloWeb().service().instances(),
            helloWeb().service().namespaces(),
            helloWeb().service().monitoringFile(),
            helloWeb().service().deploy(),
            Optional.of(deployed),
            List.of());

    LocalImage image = LocalImage.deployed(config, service, SYSTEM);

    assertThat(image.image())
        .isEqualTo("127.0.0.1:5000/services-hello-web:paasta-" + SHA.replace('0', 'f'));
    assertThat(image.gitSha()).isEqualTo(SHA.replace('0', 'f'));
  }
}

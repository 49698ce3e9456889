package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.TaskCommand;
import io.paasta.backend.docker.localrun.DockerRunCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerRunTextTest {
  @Test
  void theExampleServicesCommandIsTheDaemonsFlagsInDockerRunForm() {
    LocalContainer hello = LocalContainerFactoryTest.container(Optional.empty(), true);

    List<String> words = DockerRunCommand.words(hello.spec(), false, false);

    assertThat(words.subList(0, 11))
        .containsExactly(
            "docker",
            "run",
            "--rm",
            "--name=" + LocalContainerFactoryTest.NAME,
            "--network=host",
            "--init",
            "--memory=64m",
            "--memory-swap=128m",
            "--cpu-period=100000",
            "--cpu-quota=100000",
            "--volume=/srv/shared:/etc/shared:ro");
    assertThat(words)
        .contains("--env=PORT0=31007", "--env=PAASTA_SERVICE=hello-web")
        .contains("--label=paasta_local_run=true", "--label=paasta_service=hello-web")
        .noneMatch(w -> w.startsWith("--label=paasta_managed"));
    assertThat(words.subList(words.size() - 4, words.size()))
        .containsExactly(
            "--entrypoint=/bin/sh",
            hello.image(),
            "-c",
            "httpd -f -p ${PAASTA_POD_IP:-127.0.0.1}:$PORT0 -h /www");
  }

  @Test
  void theLineQuotesWhatAShellWouldChange() {
    TaskCommand shell =
        new TaskCommand(
            Optional.of(TaskCommand.SHELL), Optional.of(List.of("echo \"$PORT0\" it's")));
    Map<String, String> labels = Map.of("paasta_service", "web", "paasta_local_run", "true");
    ContainerSpec spec =
        new ContainerSpec(
            "local-run-web-1",
            "127.0.0.1:5000/services-web:paasta-abc",
            shell,
            List.of("GREETING=hello world", "PORT0=31000"),
            labels,
            HostConfig.newHostConfig().withNetworkMode("host"),
            List.of(31000));

    assertThat(DockerRunText.line(spec, false, false))
        .isEqualTo(
            "docker run --rm --name=local-run-web-1 --network=host '--env=GREETING=hello world'"
                + " --env=PORT0=31000 --label=paasta_local_run=true --label=paasta_service=web"
                + " --entrypoint=/bin/sh 127.0.0.1:5000/services-web:paasta-abc -c"
                + " 'echo \"$PORT0\" it'\\''s'");
  }

  @Test
  void theMultiLineFormIsTheSameCommand() {
    LocalContainer hello = LocalContainerFactoryTest.container(Optional.of("env"), true);

    String multi = DockerRunText.multiLine(hello.spec(), true, true);

    assertThat(multi).startsWith("docker run \\\n    --rm \\\n    -i \\\n");
    assertThat(multi.replace(" \\\n    ", " "))
        .isEqualTo(DockerRunText.line(hello.spec(), true, true));
  }
}

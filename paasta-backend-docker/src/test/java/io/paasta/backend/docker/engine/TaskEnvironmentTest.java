package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEnvironmentTest {
  @Test
  void addsThePortVariablesTaskIdAndHost() {
    Map<String, String> env =
        TaskEnvironment.of(Map.of("PAASTA_SERVICE", "web"), List.of(31005), "web.main.x-1");

    assertThat(env)
        .containsEntry("PAASTA_SERVICE", "web")
        .containsEntry("PORT", "31005")
        .containsEntry("PORT0", "31005")
        .containsEntry("PORTS", "31005")
        .containsEntry("MARATHON_PORT", "31005")
        .containsEntry("MARATHON_PORT0", "31005")
        .containsEntry("MESOS_TASK_ID", "web.main.x-1")
        .containsEntry("HOST", "127.0.0.1");
  }

  @Test
  void portsWinOverTheUsersEnvAndTheUsersEnvWinsOverTheRest() {
    Map<String, String> env =
        TaskEnvironment.of(
            Map.of("PORT0", "80", "PORT", "80", "HOST", "example", "MESOS_TASK_ID", "mine"),
            List.of(31005),
            "task");

    assertThat(env)
        .containsEntry("PORT0", "31005")
        .containsEntry("PORT", "31005")
        .containsEntry("HOST", "example")
        .containsEntry("MESOS_TASK_ID", "mine");
  }

  @Test
  void everyPortHasItsVariables() {
    Map<String, String> env = TaskEnvironment.of(Map.of(), List.of(31000, 31007), "task");

    assertThat(env)
        .containsEntry("PORT", "31000")
        .containsEntry("PORT1", "31007")
        .containsEntry("MARATHON_PORT1", "31007")
        .containsEntry("PORTS", "31000,31007");
  }

  @Test
  void entriesAreNameEqualsValue() {
    assertThat(TaskEnvironment.entries(new java.util.TreeMap<>(Map.of("A", "1", "B", "x=y"))))
        .containsExactly("A=1", "B=x=y");
  }
}

package io.paasta.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.plan.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerBackendDescribeTest {
  @Test
  void everyActionIsDescribedAndAnObjectChangeNeverShowsItsBody() {
    assertThat(DockerBackend.describe(new Action.KillTasks(List.of("t1", "t2"), "why")))
        .isEqualTo("kill task(s) t1, t2");
    assertThat(DockerBackend.describe(new Action.RemoveExited(List.of("t3"), "why")))
        .isEqualTo("remove exited task(s) t3");
    Action.ChangeObject change =
        new Action.ChangeObject(
            "Secret",
            "paastasvc-web",
            "web-secret",
            Action.ObjectVerb.UPDATE,
            List.of("data.value"),
            "{\"data\":{\"value\":\"hunter2\"}}",
            "rotated");
    assertThat(DockerBackend.describe(change))
        .isEqualTo("update Secret paastasvc-web/web-secret")
        .doesNotContain("hunter2");
  }
}

package io.paasta.backend.kubernetes.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.model.InstanceRef;
import io.paasta.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CronJob edited by hand (kubectl edit: its hash annotation kept) is set back as soon as the
 * watch shows the edit, without waiting for a config change or a pass, with a line naming the
 * fields; what the rendering does not set is left alone, and a follower sets nothing back.
 */
class CronJobSetBackTest {
  private static final InstanceRef NIGHTLY = JobFixture.ref("nightly");

  @TempDir Path tmp;
  private final ManualClock clock = new ManualClock();
  private final AtomicBoolean leading = new AtomicBoolean(true);
  private final List<String> said = new CopyOnWriteArrayList<>();
  private MockCluster mock;
  private KubernetesClient admin;
  private JobFixture fixture;
  private KubernetesJobRunner runner;

  @BeforeEach
  void start() {
    mock = new MockCluster();
    admin = mock.client();
    fixture =
        new JobFixture(tmp)
            .jobs(
                """
                nightly:
                  schedule: "0 4 * * *"
                  cmd: "echo nightly"
                  deploy_group: everything
                """);
    runner =
        new KubernetesJobRunner(
            "local",
            mock.client(),
            fixture.manifests(),
            clock,
            () -> leading.get() ? Optional.empty() : Optional.of("a follower"));
    runner.onNotice(said::add);
    assertThat(runner.start(Duration.ofSeconds(30))).isTrue();
    Map<InstanceRef, String> problems = new HashMap<>();
    assertThat(
            runner.scheduleByItself(
                Map.of(NIGHTLY, fixture.desired("nightly")),
                fixture::config,
                Set.of(),
                problems::put))
        .containsExactly(NIGHTLY);
    assertThat(problems).isEmpty();
    await().until(() -> cronJob() != null);
  }

  @AfterEach
  void stop() {
    runner.close();
    admin.close();
    mock.close();
  }

  @Test
  void anEditedScheduleAndSuspendAreSetBackAtOnceNamingTheFields() {
    edit(
        c ->
            new CronJobBuilder(c)
                .editSpec()
                .withSchedule("*/1 * * * *")
                .withSuspend(true)
                .endSpec()
                .build());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(cronJob().getSpec().getSchedule()).isEqualTo("0 4 * * *");
              assertThat(cronJob().getSpec().getSuspend()).isFalse();
            });
    assertThat(said)
        .containsExactly(
            "CronJob paastasvc-svc/svc-nightly was edited by hand (spec.schedule, spec.suspend"
                + " differed from soa-configs): set back");

    // a pass finds it in line: nothing written
    String version = cronJob().getMetadata().getResourceVersion();
    pass();
    assertThat(cronJob().getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(said).hasSize(1);
  }

  @Test
  void anEditedPodTemplateIsSetBack() {
    edit(
        c -> {
          container(c).setImage("registry.local:5000/someone-else:latest");
          return c;
        });
    await().atMost(Duration.ofSeconds(20)).until(() -> !said.isEmpty());
    assertThat(said.get(0))
        .contains("spec.jobTemplate.spec.template.spec.containers[0].image differed");
    assertThat(container(cronJob()).getImage()).contains(JobFixture.SHA);
  }

  @Test
  void whatTheRenderingDoesNotSetIsLeftAlone() {
    CronJob edited =
        edit(
            c ->
                new CronJobBuilder(c)
                    .editMetadata()
                    .addToAnnotations("team.example.com/owner", "ops")
                    .endMetadata()
                    .editSpec()
                    .withSuccessfulJobsHistoryLimit(3)
                    .endSpec()
                    .build());
    awaitSeen(edited);
    pass();
    assertThat(cronJob().getMetadata().getResourceVersion())
        .isEqualTo(edited.getMetadata().getResourceVersion());
    assertThat(said).isEmpty();
  }

  @Test
  void aFollowerSetsNothingBackAndTheLeadersPassDoes() {
    leading.set(false);
    CronJob edited =
        edit(c -> new CronJobBuilder(c).editSpec().withSchedule("*/1 * * * *").endSpec().build());
    awaitSeen(edited);
    assertThat(cronJob().getSpec().getSchedule()).isEqualTo("*/1 * * * *");
    assertThat(said).isEmpty();

    leading.set(true); // a pass of the leader compares as well (a watch event it missed)
    pass();
    assertThat(cronJob().getSpec().getSchedule()).isEqualTo("0 4 * * *");
    assertThat(said).hasSize(1);
  }

  private static io.fabric8.kubernetes.api.model.Container container(CronJob cronJob) {
    return cronJob
        .getSpec()
        .getJobTemplate()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  /** A pass of the scheduler: the runner brings the CronJob in line with soa-configs. */
  private void pass() {
    runner.scheduleByItself(
        Map.of(NIGHTLY, fixture.desired("nightly")), fixture::config, Set.of(), (j, p) -> {});
  }

  /** Waits until the runner's informer holds {@code edited} (its resource version). */
  private void awaitSeen(CronJob edited) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runner.objects().stream().anyMatch(o -> version(o).equals(version(edited))));
  }

  private static String version(io.fabric8.kubernetes.api.model.HasMetadata object) {
    return object.getMetadata().getResourceVersion();
  }

  private CronJob cronJob() {
    return admin.batch().v1().cronjobs().inNamespace("paastasvc-svc").withName("svc-nightly").get();
  }

  /** An edit by hand: the whole object put back with the change, as {@code kubectl edit} does. */
  private CronJob edit(UnaryOperator<CronJob> change) {
    return admin.resource(change.apply(cronJob())).update();
  }
}

package io.paasta.backend.docker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.observed.ObservedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Docker backend's job runner against the real engine with the example image (FROM scratch,
 * busybox): attempts as labelled containers, their exits, kills, removal and output, a start
 * retried for the same attempt, an image the registry lacks, exits told at once, and job containers
 * kept apart from the service tasks.
 */
class DockerJobRunnerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant EXECUTION_DATE = Instant.parse("2026-01-01T00:00:00Z");
  private static final AtomicLong RUN_IDS = new AtomicLong(1);

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();

  private static JobRunner runner() {
    return fixture.backend().jobRunner().orElseThrow();
  }

  private static InstanceRef job(String instance) {
    return new InstanceRef("hello", fixture.cluster, instance, InstanceKind.CHRONOS);
  }

  private static JobLaunch launch(String instance, String cmd) {
    return launch(instance, RunSpecBuilder.image(fixture.image()).cmd(cmd));
  }

  private static JobLaunch launch(String instance, RunSpecBuilder run) {
    return new JobLaunch(
        job(instance),
        RUN_IDS.getAndIncrement(),
        1,
        EXECUTION_DATE,
        run.label(BackendFixture.TEST_LABEL, fixture.cluster)
            .label(Labels.GIT_SHA, "0123abcd")
            .label(Labels.CONFIG_HASH, "89abcdef")
            .env("PAASTA_SERVICE", "hello")
            .build());
  }

  private static JobTask awaitExited(String id) {
    return JobTasks.awaitExited(runner(), id);
  }

  /** A container of the attempt's name, created and not started, as a start cut short leaves. */
  private static String createUnstarted(JobLaunch launch, Map<String, String> labels) {
    return fixture
        .docker()
        .createContainerCmd(fixture.image())
        .withName(JobLabels.containerName(launch))
        .withLabels(labels)
        .withEntrypoint(List.of("/bin/sh", "-c"))
        .withCmd(launch.spec().cmd().orElseThrow())
        .exec()
        .getId();
  }

  private static Optional<JobTask> observed(String id) {
    return runner().observeJobTasks().stream().filter(t -> t.taskId().equals(id)).findFirst();
  }

  @Test
  void anAttemptRunsAsALabelledContainerOnHostNetworkingAndItsExitIsObserved() {
    JobLaunch launch = launch("ok", "echo report for $PAASTA_SERVICE; exit 0");

    String id = runner().start(launch);

    InspectContainerResponse container = fixture.docker().inspectContainerCmd(id).exec();
    assertThat(container.getName())
        .isEqualTo("/paasta-job-" + fixture.cluster + "-hello-ok-" + launch.runId() + "-1");
    assertThat(container.getConfig().getLabels())
        .containsEntry(Labels.MANAGED, "true")
        .containsEntry(Labels.KIND, "chronos")
        .containsEntry(Labels.SERVICE, "hello")
        .containsEntry(Labels.INSTANCE, "ok")
        .containsEntry(Labels.CLUSTER, fixture.cluster)
        .containsEntry(Labels.GIT_SHA, "0123abcd")
        .containsEntry(Labels.CONFIG_HASH, "89abcdef")
        .containsEntry(JobLabels.RUN_ID, Long.toString(launch.runId()))
        .containsEntry(JobLabels.ATTEMPT, "1")
        .containsEntry(JobLabels.EXECUTION_DATE, "2026-01-01T00:00:00Z")
        .doesNotContainKeys(Labels.PORT0, Labels.HEALTHCHECK);
    assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
    assertThat(container.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
    assertThat(container.getHostConfig().getCpuQuota()).isEqualTo(10_000L);
    assertThat(container.getConfig().getEntrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(container.getConfig().getEnv())
        .contains("PAASTA_SERVICE=hello", "MESOS_TASK_ID=" + container.getName().substring(1))
        .noneMatch(e -> e.startsWith("PORT"));

    JobTask task = awaitExited(id);
    assertThat(task.job()).isEqualTo(launch.job());
    assertThat(task.runId()).isEqualTo(launch.runId());
    assertThat(task.attempt()).isEqualTo(1);
    assertThat(task.executionDate()).isEqualTo(EXECUTION_DATE);
    assertThat(task.gitSha()).isEqualTo("0123abcd");
    assertThat(task.configHash()).isEqualTo("89abcdef");
    assertThat(task.exitCode()).hasValue(0);
    assertThat(task.lostReason()).isEmpty();
    assertThat(task.startedAt()).isPresent();
    assertThat(task.finishedAt()).isPresent();
    assertThat(task.finishedAt().get()).isAfterOrEqualTo(task.startedAt().get());
    assertThat(runner().output(id, 10)).containsExactly("report for hello");
  }

  @Test
  void aNonZeroExitIsObservedWithItsCodeAsTheJobsOwn() {
    String id = runner().start(launch("fails", "echo broken >&2; exit 3"));

    JobTask task = awaitExited(id);

    assertThat(task.exitCode()).hasValue(3);
    assertThat(task.lostReason()).isEmpty();
  }

  @Test
  void aStartRetriedForTheSameAttemptFindsItsContainerAndNeverStartsItTwice() {
    JobLaunch launch = launch("retried", "echo once");

    String first = runner().start(launch);
    JobTask exited = awaitExited(first);
    String again = runner().start(launch);

    assertThat(again).isEqualTo(first);
    assertThat(runner().observeJobTasks())
        .filteredOn(t -> t.job().equals(launch.job()))
        .singleElement()
        .satisfies(t -> assertThat(t.startedAt()).isEqualTo(exited.startedAt()));
    assertThat(runner().output(first, 10)).containsExactly("once");
  }

  @Test
  void aRetriedStartStartsTheContainerAnEarlierStartCreatedButDidNotStart() {
    JobLaunch launch = launch("created", "echo late");
    String created = createUnstarted(launch, JobLabels.of(launch));
    assertThat(observed(created)).hasValueSatisfying(t -> assertThat(t.running()).isTrue());

    assertThat(runner().start(launch)).isEqualTo(created);

    assertThat(awaitExited(created).exitCode()).hasValue(0);
    assertThat(runner().output(created, 10)).containsExactly("late");
  }

  @Test
  void aContainerOfTheAttemptsNameThatIsNotTheAttemptIsRefusedAndLeftAlone() {
    JobLaunch launch = launch("squatted", "echo mine");
    String other = createUnstarted(launch, Map.of(Labels.CLUSTER, fixture.cluster));

    assertThatThrownBy(() -> runner().start(launch))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("a container named " + JobLabels.containerName(launch))
        .hasMessageContaining("is not this attempt");
    assertThat(fixture.docker().inspectContainerCmd(other).exec().getState().getStatus())
        .isEqualTo("created");
  }

  @Test
  void anImageTheRegistryLacksIsAClearError() {
    String image = "127.0.0.1:5000/services-no-such-job:paasta-0123abcd";
    JobLaunch launch = launch("missing", RunSpecBuilder.image(image).cmd("true"));

    assertThatThrownBy(() -> runner().start(launch))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith(
            "starting attempt 1 of run " + launch.runId() + " of job hello.missing in ")
        .hasMessageContaining("image " + image + " is not in the registry 127.0.0.1:5000")
        .hasMessageContaining("paasta push-to-registry");
    assertThat(runner().observeJobTasks()).noneMatch(t -> t.job().equals(launch.job()));
  }

  @Test
  void aKilledAttemptExitsAndStaysToBeObserved() {
    String id = runner().start(launch("killed", "sleep 300"));
    Eventually.await(WAIT, () -> observed(id), t -> t.isPresent() && t.get().running());

    runner().kill(id);

    JobTask task = awaitExited(id);
    assertThat(task.exitCode()).isPresent();
    assertThat(task.exitCode().getAsInt()).isNotZero();
    assertThat(task.lostReason()).isEmpty();
    runner().kill(id); // exited: no error
  }

  @Test
  void anAttemptKilledFromOutsideIsObservedAsExitedNonZero() {
    String id = runner().start(launch("outside", "sleep 300"));

    fixture.docker().killContainerCmd(id).exec();

    JobTask task = awaitExited(id);
    assertThat(task.exitCode()).hasValue(137);
    assertThat(task.lostReason()).isEmpty();
  }

  @Test
  void removedAttemptsAreGoneAndRemovingAgainIsNoError() {
    String id = runner().start(launch("removed", "exit 0"));
    awaitExited(id);

    runner().remove(id);

    assertThat(observed(id)).isEmpty();
    assertThatThrownBy(() -> fixture.docker().inspectContainerCmd(id).exec())
        .isInstanceOf(NotFoundException.class);
    runner().remove(id);
    assertThat(runner().output(id, 5)).isEmpty();
  }

  @Test
  void outputIsTheTailOfStdoutAndStderrInTheOrderWritten() {
    String id =
        runner()
            .start(launch("output", "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three"));
    awaitExited(id);

    assertThat(runner().output(id, 10)).containsExactly("one", "two", "three");
    assertThat(runner().output(id, 2)).containsExactly("two", "three");
    assertThat(runner().output(id, 0)).isEmpty();
  }

  @Test
  void anExitIsToldToTheExitListenersAtOnce() {
    List<JobTask> exits = new CopyOnWriteArrayList<>();
    runner().onExit(exits::add);

    String id = runner().start(launch("told", "exit 4"));

    JobTask told = JobTasks.awaitTold(exits, id);
    assertThat(told.running()).isFalse();
    assertThat(told.exitCode()).hasValue(4);
    assertThat(told.job()).isEqualTo(job("told"));
  }

  @Test
  void jobContainersAreNoServiceTasksAndServiceTasksAreNoJobTasks() {
    DockerBackend backend = fixture.backend();
    InstanceRef service = fixture.ref("apart");
    fixture.start(backend, service, 1, RunSpecBuilder.helloWeb(fixture.image()));
    String serviceTask = BackendFixture.tasks(backend, service).get(0).id();
    // a job of the same service and instance name
    String id = runner().start(launch("apart", "sleep 300"));

    assertThat(backend.observeAll())
        .flatExtracting(ObservedInstance::tasks)
        .extracting(t -> t.id())
        .contains(serviceTask)
        .doesNotContain(id);
    assertThat(backend.observe(service).tasks())
        .extracting(t -> t.id())
        .containsExactly(serviceTask);
    assertThat(backend.observe(job("apart")).tasks()).isEmpty();
    assertThat(runner().observeJobTasks()).extracting(JobTask::taskId).contains(id);
    assertThat(runner().observeJobTasks()).extracting(JobTask::taskId).doesNotContain(serviceTask);
    assertThatThrownBy(() -> runner().kill(serviceTask))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("is not an attempt of a job of cluster " + fixture.cluster);
    assertThatThrownBy(() -> runner().remove(serviceTask)).isInstanceOf(BackendException.class);
    assertThat(BackendFixture.tasks(backend, service))
        .extracting(t -> t.id())
        .containsExactly(serviceTask);
  }
}

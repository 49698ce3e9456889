package io.paasta.backend.docker.adhoc;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import io.paasta.backend.docker.engine.ContainerLauncher;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.ContainerSpecFactory;
import io.paasta.backend.docker.engine.ContainerStates;
import io.paasta.backend.docker.engine.ImagePullClient;
import io.paasta.backend.docker.engine.TaskOutputClient;
import io.paasta.engine.EngineErrors;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.adhoc.AdhocRun;
import io.paasta.planning.backend.AdhocRunner;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.SecretResolver;
import io.paasta.planning.observed.TaskState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code paasta remote-run}'s one-off tasks on the local Docker engine: one container per run,
 * created as a job attempt's ({@link ContainerSpecFactory#buildJob}: image, env, limits, volumes,
 * host networking, the command by {@code sh -c}), labelled by {@link AdhocLabels} (not managed: no
 * other part of the daemon touches it). Everything it knows of a run is on the engine.
 */
public final class DockerAdhocRunner implements AdhocRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DockerAdhocRunner.class);
  private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(5);

  private final DockerClient docker;
  private final String cluster;
  private final URI dockerHost;
  private final Duration stopTimeout;
  private final ImagePullClient images;
  private final ContainerLauncher launcher;
  private final TaskOutputClient output;
  private final SecretResolver secrets;

  /**
   * @param stopTimeout how long a stopped run gets between its stop signal and SIGKILL
   * @param secrets decrypts the env's secrets for the run's container (only there)
   */
  public DockerAdhocRunner(
      DockerClient docker,
      String cluster,
      URI dockerHost,
      Duration stopTimeout,
      Duration pullTimeout,
      SecretResolver secrets) {
    this.docker = docker;
    this.cluster = cluster;
    this.dockerHost = dockerHost;
    this.stopTimeout = stopTimeout;
    this.images = new ImagePullClient(docker, pullTimeout);
    this.launcher = new ContainerLauncher(docker);
    this.output = new TaskOutputClient(docker, OUTPUT_TIMEOUT);
    this.secrets = secrets;
  }

  @Override
  public AdhocRun start(AdhocLaunch launch) {
    String what = "starting remote-run " + launch.runId() + " of " + launch.ref();
    try {
      images.ensurePresent(launch.spec().image());
      ContainerSpec spec =
          ContainerSpecFactory.buildJob(
              launch.spec().withEnv(secrets.resolve(launch.ref().service(), launch.spec().env())),
              AdhocLabels.containerName(launch),
              AdhocLabels.of(launch));
      String id = launcher.create(spec);
      launcher.start(id);
      LOG.info("started remote-run {} ({})", spec.name(), id);
      return find(launch.runId())
          .orElseThrow(() -> new BackendException("the container " + id + " went away at once"));
    } catch (BackendException e) {
      throw new BackendException(what + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw engineFailure(what, e);
    }
  }

  @Override
  public List<AdhocRun> list() {
    return listed(Optional.empty());
  }

  @Override
  public Optional<AdhocRun> find(String runId) {
    return listed(Optional.of(runId)).stream().findFirst();
  }

  private List<AdhocRun> listed(Optional<String> runId) {
    List<Container> containers;
    try {
      containers =
          docker
              .listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(AdhocLabels.filter(cluster, runId))
              .exec();
    } catch (RuntimeException e) {
      throw engineFailure("listing the remote-runs of cluster " + cluster, e);
    }
    return containers.stream()
        .map(c -> inspected(c.getId()))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(AdhocRun::startedAt).thenComparing(AdhocRun::runId))
        .toList();
  }

  private Optional<AdhocRun> inspected(String id) {
    InspectContainerResponse response;
    try {
      response = docker.inspectContainerCmd(id).exec();
    } catch (NotFoundException e) {
      return Optional.empty(); // removed since the listing
    }
    Map<String, String> labels =
        response.getConfig() == null || response.getConfig().getLabels() == null
            ? Map.of()
            : response.getConfig().getLabels();
    InspectContainerResponse.ContainerState state = response.getState();
    TaskState taskState = ContainerStates.taskState(state == null ? null : state.getStatus());
    boolean exited = taskState == TaskState.EXITED && state != null;
    Optional<Instant> finishedAt =
        exited
            ? ContainerStates.finishedAt(
                ContainerStates.time(state.getStartedAt()),
                ContainerStates.time(state.getFinishedAt()))
            : Optional.empty();
    Optional<Integer> exitCode =
        exited && state.getExitCodeLong() != null
            ? Optional.of(state.getExitCodeLong().intValue())
            : Optional.empty();
    return AdhocLabels.identity(labels)
        .map(
            i ->
                new AdhocRun(
                    i.ref(),
                    i.runId(),
                    response.getId(),
                    i.command(),
                    i.by(),
                    i.startedAt(),
                    i.deadline(),
                    !exited,
                    finishedAt,
                    exitCode));
  }

  @Override
  public void stop(String runId) {
    Optional<AdhocRun> run = find(runId);
    if (run.isEmpty() || !run.get().running()) {
      return;
    }
    try {
      docker
          .stopContainerCmd(run.get().taskId())
          .withTimeout((int) Math.max(0, stopTimeout.toSeconds()))
          .exec();
      LOG.info("stopped remote-run {}", runId);
    } catch (NotFoundException | NotModifiedException e) {
      // gone, or no longer running
    } catch (RuntimeException e) {
      throw engineFailure("stopping remote-run " + runId, e);
    }
  }

  @Override
  public void remove(String runId) {
    Optional<AdhocRun> run = find(runId);
    if (run.isEmpty()) {
      return;
    }
    try {
      docker.removeContainerCmd(run.get().taskId()).withForce(true).exec();
    } catch (NotFoundException e) {
      // removed meanwhile
    } catch (RuntimeException e) {
      throw engineFailure("removing remote-run " + runId, e);
    }
  }

  @Override
  public List<String> output(String runId, int lines) {
    Optional<AdhocRun> run = find(runId);
    if (run.isEmpty()) {
      return List.of();
    }
    try {
      return output.tail(run.get().taskId(), lines);
    } catch (RuntimeException e) {
      throw engineFailure("reading the output of remote-run " + runId, e);
    }
  }

  private BackendException engineFailure(String what, RuntimeException e) {
    return new BackendException(EngineErrors.failure(what, e, dockerHost), e);
  }
}

package io.paasta.backend.docker.jobs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Event;
import io.paasta.backend.docker.engine.ContainerLauncher;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.ContainerSpecFactory;
import io.paasta.backend.docker.engine.ImagePullClient;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.engine.TaskOutputClient;
import io.paasta.backend.docker.events.ContainerEvents;
import io.paasta.engine.EngineErrors;
import io.paasta.model.InstanceKind;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.backend.SecretResolver;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled jobs' attempts on the local Docker engine: one container per attempt, created as a
 * service task's ({@link ContainerSpecFactory#buildJob}: image, env, limits, volumes, ulimits,
 * cap-add, extra docker args, host networking, {@code cmd} by {@code sh -c}) without ports or a
 * health check, labelled and named by {@link JobLabels}. Everything it knows of an attempt is on
 * the engine: a daemon started later observes and adopts the same attempts.
 *
 * <p>Observing is one label-filtered listing; each container is inspected once per state it is
 * listed in. Why an attempt did not end by itself (the OOM killer, the engine going away) is told
 * by {@link JobTaskFates}.
 */
public final class DockerJobRunner implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DockerJobRunner.class);
  private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(5);

  private final DockerClient docker;
  private final String cluster;
  private final URI dockerHost;
  private final Duration stopTimeout;
  private final ContainerListClient containers;
  private final ImagePullClient images;
  private final ContainerLauncher launcher;
  private final TaskOutputClient output;
  private final JobTaskFates fates;
  private final SecretResolver secrets;
  private final List<Consumer<JobTask>> exitListeners = new CopyOnWriteArrayList<>();

  /**
   * @param stopTimeout how long a killed attempt gets between its stop signal and SIGKILL
   * @param fates why attempts ended that did not end by themselves
   * @param secrets decrypts the env's secrets for each attempt's container (only there)
   */
  public DockerJobRunner(
      DockerClient docker,
      String cluster,
      URI dockerHost,
      Duration stopTimeout,
      Duration pullTimeout,
      JobTaskFates fates,
      SecretResolver secrets) {
    this.secrets = secrets;
    this.docker = docker;
    this.cluster = cluster;
    this.dockerHost = dockerHost;
    this.stopTimeout = stopTimeout;
    this.containers = new ContainerListClient(docker);
    this.images = new ImagePullClient(docker, pullTimeout);
    this.launcher = new ContainerLauncher(docker);
    this.output = new TaskOutputClient(docker, OUTPUT_TIMEOUT);
    this.fates = fates;
  }

  /**
   * Pulls the image when the engine lacks it, then creates and starts the attempt's container; a
   * start retried for the same attempt finds its container (and starts it only if it never ran).
   */
  @Override
  public String start(JobLaunch launch) {
    String what =
        "starting attempt "
            + launch.attempt()
            + " of run "
            + launch.runId()
            + " of job "
            + launch.job();
    try {
      images.ensurePresent(launch.spec().image());
      ContainerSpec spec =
          ContainerSpecFactory.buildJob(
              launch.spec().withEnv(secrets.resolve(launch.job().service(), launch.spec().env())),
              JobLabels.containerName(launch),
              JobLabels.of(launch));
      Optional<String> created = create(spec);
      if (created.isPresent()) {
        launcher.start(created.get());
        LOG.info("started {} ({})", spec.name(), created.get());
        return created.get();
      }
      return adopt(launch, spec.name());
    } catch (BackendException e) {
      throw new BackendException(what + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw engineFailure(what, e);
    }
  }

  /** The new container's id; empty when its name is taken (a retried start). */
  private Optional<String> create(ContainerSpec spec) {
    try {
      return Optional.of(launcher.create(spec));
    } catch (ConflictException e) {
      return Optional.empty();
    }
  }

  /**
   * The container of an earlier start of the same attempt: started now when it never ran (the
   * daemon stopped between creating and starting it), else left as it is (running or exited).
   */
  private String adopt(JobLaunch launch, String name) {
    InspectContainerResponse existing = docker.inspectContainerCmd(name).exec();
    Map<String, String> labels =
        existing.getConfig() == null || existing.getConfig().getLabels() == null
            ? Map.of()
            : existing.getConfig().getLabels();
    if (!JobLabels.isAttempt(labels, launch)) {
      throw new BackendException(
          "a container named "
              + name
              + " exists and is not this attempt (labels "
              + labels
              + ") - it was left alone; remove it (docker rm -f "
              + name
              + ")");
    }
    if (existing.getState() != null && "created".equals(existing.getState().getStatus())) {
      try {
        docker.startContainerCmd(existing.getId()).exec();
      } catch (NotModifiedException e) {
        // started by a start running at the same time
      }
      LOG.info("started {} ({}), created by an earlier start", name, existing.getId());
    }
    return existing.getId();
  }

  /** Every attempt container of the cluster, running or exited: one listing, filtered by labels. */
  @Override
  public List<JobTask> observeJobTasks() {
    List<ManagedContainer> listed;
    try {
      listed =
          containers.listOnly(
              Map.of(Labels.KIND, InstanceKind.CHRONOS.filePrefix(), Labels.CLUSTER, cluster));
    } catch (RuntimeException e) {
      throw engineFailure("observing the job tasks of cluster " + cluster, e);
    }
    fates.retainOnly(listed);
    return listed.stream().map(this::taskOf).flatMap(Optional::stream).toList();
  }

  private Optional<JobTask> taskOf(ManagedContainer container) {
    return JobLabels.taskOf(container, fates.lostReason(container));
  }

  /**
   * Stops a running attempt: its stop signal, then SIGKILL after the stop timeout. The container is
   * kept (its exit is observed as usual); one already gone or exited is no error.
   *
   * @throws BackendException when the task is not a job attempt of this cluster
   */
  @Override
  public void kill(String taskId) {
    try {
      if (owned(taskId).isEmpty()) {
        return;
      }
      docker
          .stopContainerCmd(taskId)
          .withTimeout((int) Math.max(0, stopTimeout.toSeconds()))
          .exec();
      LOG.info("killed job task {}", taskId);
    } catch (NotFoundException | NotModifiedException e) {
      // gone, or not running
    } catch (BackendException e) {
      throw e;
    } catch (RuntimeException e) {
      throw engineFailure("killing job task " + taskId, e);
    }
  }

  /**
   * Deletes an attempt's container (forcibly: one still running is killed); one already gone is no
   * error.
   *
   * @throws BackendException when the task is not a job attempt of this cluster
   */
  @Override
  public void remove(String taskId) {
    try {
      if (owned(taskId).isEmpty()) {
        return;
      }
      docker.removeContainerCmd(taskId).withForce(true).exec();
    } catch (NotFoundException e) {
      // removed meanwhile
    } catch (ConflictException e) {
      if (!EngineErrors.engineMessage(e).contains("already in progress")) {
        throw engineFailure("removing job task " + taskId, e);
      }
    } catch (BackendException e) {
      throw e;
    } catch (RuntimeException e) {
      throw engineFailure("removing job task " + taskId, e);
    }
  }

  /** The tail of the attempt's log, stdout and stderr in the order written; none when gone. */
  @Override
  public List<String> output(String taskId, int lines) {
    try {
      return output.tail(taskId, lines);
    } catch (RuntimeException e) {
      throw engineFailure("reading the output of job task " + taskId, e);
    }
  }

  /** Tells {@code listener} of each attempt of the cluster that exits (the engine's die events). */
  @Override
  public void onExit(Consumer<JobTask> listener) {
    exitListeners.add(listener);
  }

  /**
   * Hands an engine event to the exit listeners when it is the {@code die} event of an attempt of
   * the cluster, once the engine has recorded the exit (an inspect waits for that).
   */
  public void handle(Event event) {
    if (exitListeners.isEmpty()
        || !ContainerEvents.DIE.equals(ContainerEvents.action(event))
        || event.getActor() == null
        || event.getActor().getAttributes() == null
        || !JobLabels.isJobOf(event.getActor().getAttributes(), cluster)) {
      return;
    }
    Optional<JobTask> task =
        ContainerEvents.containerId(event)
            .flatMap(containers::inspect)
            .flatMap(this::taskOf)
            .filter(t -> !t.running());
    task.ifPresent(t -> exitListeners.forEach(listener -> listener.accept(t)));
  }

  /**
   * The attempt container of {@code taskId}; empty when it is gone.
   *
   * @throws BackendException when it is no job attempt of this cluster
   */
  private Optional<ManagedContainer> owned(String taskId) {
    Optional<ManagedContainer> container;
    try {
      container = containers.inspect(taskId);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    if (container.isEmpty()) {
      if (exists(taskId)) {
        throw notOurs(taskId);
      }
      return Optional.empty();
    }
    if (!JobLabels.isJobOf(container.get().labels(), cluster)) {
      throw notOurs(taskId);
    }
    return container;
  }

  private boolean exists(String taskId) {
    try {
      docker.inspectContainerCmd(taskId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private BackendException notOurs(String taskId) {
    return new BackendException(
        "task "
            + taskId
            + " is not an attempt of a job of cluster "
            + cluster
            + " - it was left alone");
  }

  /** A failed call to the engine, said as what was being done, why, and what to do. */
  private BackendException engineFailure(String what, RuntimeException e) {
    return new BackendException(EngineErrors.failure(what, e, dockerHost), e);
  }
}

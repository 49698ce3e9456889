package io.paasta.backend.docker.localrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.paasta.backend.docker.engine.ContainerLauncher;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.HeldPorts;
import io.paasta.backend.docker.engine.ImagePullClient;
import io.paasta.backend.docker.engine.TaskOutputClient;
import io.paasta.backend.docker.engine.TaskStopExecutor;
import io.paasta.backend.docker.health.HealthProbe;
import io.paasta.backend.docker.health.HealthProbeClient;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.engine.DockerEngine;
import io.paasta.engine.EngineException;
import io.paasta.planning.backend.BackendException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One container run on the Docker engine as the daemon runs a task, for {@code paasta local-run}:
 * the ports tasks hold, the image pulled by the daemon's {@link ImagePullClient}, the container
 * created and started by the daemon's {@link ContainerLauncher}, health-checked by the daemon's
 * {@link HealthProbeClient}, stopped and removed by the daemon's {@link TaskStopExecutor}; and what
 * only local-run does: follow its output, wait for its exit. Close it when done.
 */
public final class SingleTaskRunner implements AutoCloseable {
  private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(10);

  private final DockerClient docker;
  private final ContainerLauncher launcher;
  private final TaskStopExecutor stopper;
  private final Duration pullTimeout;

  /**
   * @param stopTimeout how long the container gets between its stop signal and SIGKILL
   * @param pullTimeout how long pulling its image may take
   */
  SingleTaskRunner(DockerClient docker, Duration stopTimeout, Duration pullTimeout) {
    this.docker = docker;
    this.launcher = new ContainerLauncher(docker);
    this.stopper = new TaskStopExecutor(docker, stopTimeout);
    this.pullTimeout = pullTimeout;
  }

  /**
   * A runner on the engine of this process's environment ({@code $DOCKER_HOST}, else the default
   * socket), once the engine answered.
   *
   * @throws BackendException when the engine does not answer, or DOCKER_HOST is no engine address
   */
  public static SingleTaskRunner connect(Duration stopTimeout, Duration pullTimeout) {
    try {
      return new SingleTaskRunner(
          DockerEngine.fromEnvironment().connect(), stopTimeout, pullTimeout);
    } catch (EngineException e) {
      throw new BackendException(e.getMessage(), e);
    }
  }

  /** Ports held by the engine's tasks and local-run containers that have not exited. */
  public Set<Integer> heldPorts() {
    return HeldPorts.on(docker);
  }

  /**
   * Makes sure the engine has {@code image}, as the daemon does before a start.
   *
   * @return whether it had to be pulled
   * @throws BackendException when the registry lacks it, does not answer, or the pull fails
   */
  public boolean pull(String image) {
    return new ImagePullClient(docker, pullTimeout).ensurePresent(image);
  }

  /** Creates the container (not started), as the daemon creates a task's; returns its id. */
  public String create(ContainerSpec spec) {
    return launcher.create(spec);
  }

  /** Starts the container; returns when it started running (by the engine's clock). */
  public Instant start(String id) {
    launcher.start(id);
    return inspect(id)
        .map(InspectContainerResponse::getState)
        .flatMap(state -> time(state.getStartedAt()))
        .orElseGet(Instant::now);
  }

  /** Whether the container is running now. */
  public boolean isRunning(String id) {
    return inspect(id)
        .map(r -> r.getState() != null && Boolean.TRUE.equals(r.getState().getRunning()))
        .orElse(false);
  }

  /** The container's exit code, once it exited. */
  public OptionalInt exitCode(String id) {
    return inspect(id)
        .map(InspectContainerResponse::getState)
        .filter(state -> !Boolean.TRUE.equals(state.getRunning()))
        .map(state -> state.getExitCodeLong())
        .map(code -> OptionalInt.of(code.intValue()))
        .orElse(OptionalInt.empty());
  }

  /**
   * Follows the container's output from its start until it exits, each line to {@code out} or
   * {@code err}; close the returned stream to stop following.
   */
  public FollowedOutput follow(String id, Consumer<String> out, Consumer<String> err) {
    ResultCallback.Adapter<Frame> output =
        docker
            .logContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(true)
            .exec(new ContainerOutput(out, err));
    return new FollowedOutput() {
      @Override
      public void awaitEnd(Duration timeout) throws InterruptedException {
        output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }

      @Override
      public void close() {
        try {
          output.close();
        } catch (IOException e) {
          // the stream is over
        }
      }
    };
  }

  /** The last {@code lines} lines of the container's output (stdout and stderr). */
  public List<String> tail(String id, int lines) {
    return new TaskOutputClient(docker, TAIL_TIMEOUT).tail(id, lines);
  }

  /** Waits until the container exits; returns its exit code (empty when it was removed). */
  public OptionalInt awaitExit(String id) throws InterruptedException {
    try {
      Integer code =
          docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode();
      return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    } catch (NotFoundException e) {
      return OptionalInt.empty();
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while waiting for " + id);
      }
      // removed while waiting (Ctrl-C): the caller reports what it knows
      return exitCode(id);
    }
  }

  /**
   * Stops (signal, then SIGKILL after the stop timeout) and removes the container, by id or name;
   * gone counts as removed.
   */
  public void remove(String idOrName) {
    stopper.killAll(List.of(idOrName));
  }

  /** The daemon's health checks (http, tcp, cmd in the container) of a container here. */
  public HealthProbe healthProbe() {
    return new HealthProbeClient(docker, new LoopbackHttpClient());
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  private Optional<InspectContainerResponse> inspect(String id) {
    try {
      return Optional.of(docker.inspectContainerCmd(id).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> time(String engineTime) {
    if (engineTime == null || engineTime.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(engineTime.trim()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

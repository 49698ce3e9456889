package io.paasta.cli.localrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.HeldPorts;
import io.paasta.backend.docker.engine.TaskStopExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What local-run does on the Docker engine: finds the ports tasks hold, creates and starts its
 * container (as the daemon's launcher does), follows its output, waits for it, and removes it.
 */
public final class LocalEngine {
  private final DockerClient docker;
  private final TaskStopExecutor stopper;

  /**
   * @param stopTimeout how long the container gets between its stop signal and SIGKILL
   */
  public LocalEngine(DockerClient docker, Duration stopTimeout) {
    this.docker = docker;
    this.stopper = new TaskStopExecutor(docker, stopTimeout);
  }

  /** Ports held by the engine's tasks and local-run containers that have not exited. */
  public Set<Integer> heldPorts() {
    return HeldPorts.on(docker);
  }

  /** Creates the container (not started); returns its id. */
  public String create(ContainerSpec spec) {
    CreateContainerCmd create =
        docker
            .createContainerCmd(spec.image())
            .withName(spec.name())
            .withEnv(spec.env())
            .withLabels(spec.labels())
            .withHostConfig(spec.hostConfig());
    spec.entrypoint().ifPresent(create::withEntrypoint);
    spec.cmd().ifPresent(create::withCmd);
    return create.exec().getId();
  }

  /** Starts the container; returns when it started running (by the engine's clock). */
  public Instant start(String id) {
    docker.startContainerCmd(id).exec();
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
  public ResultCallback.Adapter<Frame> follow(
      String id, Consumer<String> out, Consumer<String> err) {
    return docker
        .logContainerCmd(id)
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(new ContainerOutput(out, err));
  }

  /** The last {@code lines} lines of the container's output (stdout and stderr). */
  public List<String> tail(String id, int lines) {
    List<String> result = java.util.Collections.synchronizedList(new ArrayList<>());
    ContainerOutput output = new ContainerOutput(result::add, result::add);
    try {
      docker
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(output)
          .awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotFoundException e) {
      return List.of();
    }
    output.flush();
    synchronized (result) {
      return List.copyOf(result);
    }
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

  /** Stops (signal, then SIGKILL after the stop timeout) and removes it; gone counts as removed. */
  public void remove(String id) {
    stopper.killAll(List.of(id));
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

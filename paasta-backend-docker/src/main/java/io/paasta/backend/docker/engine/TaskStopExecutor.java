package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.paasta.engine.EngineErrors;
import io.paasta.planning.backend.BackendException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops and removes tasks' containers. Tasks are stopped at the same time (each gets the stop
 * signal, then SIGKILL after the stop timeout), so killing many takes one timeout, not one each. A
 * container that is already gone counts as removed.
 */
public final class TaskStopExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(TaskStopExecutor.class);
  private static final int MAX_PARALLEL = 8;

  private final DockerClient docker;
  private final Duration stopTimeout;

  public TaskStopExecutor(DockerClient docker, Duration stopTimeout) {
    this.docker = docker;
    this.stopTimeout = stopTimeout;
  }

  /** Stops (signal, then SIGKILL after the timeout) and removes each container. */
  public void killAll(List<String> ids) {
    if (ids.size() <= 1) {
      ids.forEach(this::kill);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(ids.size(), MAX_PARALLEL));
    try {
      List<Future<?>> kills = new ArrayList<>();
      for (String id : ids) {
        kills.add(pool.submit(() -> kill(id)));
      }
      for (Future<?> kill : kills) {
        waitFor(kill);
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Removes an exited container; refuses one that is running. */
  public void removeExited(String id) {
    try {
      docker.removeContainerCmd(id).exec();
    } catch (NotFoundException e) {
      // already gone
    } catch (ConflictException e) {
      String why = EngineErrors.engineMessage(e);
      if (!why.contains("already in progress")) {
        throw new BackendException(
            "task " + id + " cannot be removed as exited: " + why + " - kill it instead", e);
      }
    }
  }

  private void kill(String id) {
    try {
      docker.stopContainerCmd(id).withTimeout((int) Math.max(0, stopTimeout.toSeconds())).exec();
    } catch (NotFoundException e) {
      return;
    } catch (NotModifiedException e) {
      // not running
    }
    try {
      docker.removeContainerCmd(id).withForce(true).exec();
    } catch (NotFoundException e) {
      // removed meanwhile
    } catch (ConflictException e) {
      if (!EngineErrors.engineMessage(e).contains("already in progress")) {
        throw e;
      }
    }
    LOG.info("killed {}", id);
  }

  private static void waitFor(Future<?> kill) {
    try {
      kill.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while killing tasks", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}

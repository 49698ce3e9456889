package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the tail of a container's output (stdout and stderr) from the engine's log. */
public final class TaskOutputClient {
  private final DockerClient docker;
  private final Duration timeout;

  public TaskOutputClient(DockerClient docker, Duration timeout) {
    this.docker = docker;
    this.timeout = timeout;
  }

  /** The last {@code lines} lines; none when the container is gone. */
  public List<String> tail(String containerId, int lines) {
    if (lines <= 0) {
      return List.of();
    }
    StringBuilder text = new StringBuilder();
    try (ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            synchronized (text) {
              text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
          }
        }) {
      docker
          .logContainerCmd(containerId)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(callback)
          .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (NotFoundException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.io.IOException e) {
      // closing the callback failed: what was read is still good
    }
    synchronized (text) {
      return lastLines(text.toString(), lines);
    }
  }

  static List<String> lastLines(String text, int lines) {
    List<String> all = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
      all.remove(all.size() - 1);
    }
    return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}

package io.paasta.backend.docker.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.paasta.backend.docker.engine.TaskEnvironment;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.engine.EngineErrors;
import io.paasta.model.Healthcheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one health check of a task: {@code http}/{@code https} GET on 127.0.0.1:port0 + uri (2xx and
 * 3xx pass), {@code tcp} connect to 127.0.0.1:port0, {@code cmd} {@code sh -c <cmd>} executed in
 * the container (exit 0 passes); each within the check's timeout.
 */
public final class HealthProbeClient implements HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProbeClient.class);

  private final DockerClient docker;
  private final LoopbackHttpClient http;

  public HealthProbeClient(DockerClient docker, LoopbackHttpClient http) {
    this.docker = docker;
    this.http = http;
  }

  @Override
  public ProbeResult probe(String containerId, Healthcheck check, OptionalInt port0) {
    Duration timeout = seconds(check.timeoutSeconds());
    return switch (check.mode()) {
      case NONE -> ProbeResult.PASS;
      case HTTP, HTTPS -> port0.isPresent() ? httpGet(check, port0.getAsInt(), timeout) : noPort();
      case TCP -> port0.isPresent() ? tcpConnect(port0.getAsInt(), timeout) : noPort();
      case CMD -> exec(containerId, check.cmd().orElse(""), timeout);
    };
  }

  /** A check's URL: {@code http(s)://127.0.0.1:<port><uri>}. */
  static URI url(Healthcheck check, int port) {
    String scheme = check.mode().name().toLowerCase(java.util.Locale.ROOT);
    String uri = check.uri().startsWith("/") ? check.uri() : "/" + check.uri();
    return URI.create(scheme + "://" + TaskEnvironment.HOST + ":" + port + uri);
  }

  static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  private ProbeResult httpGet(Healthcheck check, int port, Duration timeout) {
    try {
      int status = http.send("GET", url(check, port), timeout);
      return status >= 200 && status < 400 ? ProbeResult.PASS : ProbeResult.FAIL;
    } catch (IOException | IllegalArgumentException e) {
      return ProbeResult.FAIL;
    }
  }

  private static ProbeResult tcpConnect(int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(TaskEnvironment.HOST, port), (int) timeout.toMillis());
      return ProbeResult.PASS;
    } catch (IOException e) {
      return ProbeResult.FAIL;
    }
  }

  private ProbeResult exec(String containerId, String cmd, Duration timeout) {
    if (cmd.isBlank()) {
      return ProbeResult.FAIL;
    }
    try {
      String execId =
          docker
              .execCreateCmd(containerId)
              .withCmd("/bin/sh", "-c", cmd)
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec()
              .getId();
      try (ResultCallback.Adapter<Frame> output = new ResultCallback.Adapter<>()) {
        boolean done =
            docker
                .execStartCmd(execId)
                .exec(output)
                .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          return ProbeResult.FAIL; // took longer than the timeout
        }
      }
      InspectExecResponse result = docker.inspectExecCmd(execId).exec();
      Long exitCode = result.getExitCodeLong();
      return exitCode != null && exitCode == 0 ? ProbeResult.PASS : ProbeResult.FAIL;
    } catch (NotFoundException e) {
      return ProbeResult.FAIL; // the container is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.SKIP;
    } catch (IOException | RuntimeException e) {
      if (EngineErrors.engineUnreachable(e)) {
        LOG.debug("cmd check of {} not run: {}", containerId, EngineErrors.rootMessage(e));
        return ProbeResult.SKIP;
      }
      // e.g. 409: the container is not running
      return ProbeResult.FAIL;
    }
  }

  private static ProbeResult noPort() {
    return ProbeResult.FAIL;
  }
}

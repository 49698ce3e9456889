package io.paasta.engine;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translation of Docker engine failures into messages a user can act on: what was being
 * done, why it failed (the engine's own words when it refused) and what to do. The image builder
 * and the Docker backend wrap these messages in their own error types.
 */
public final class EngineErrors {
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private EngineErrors() {}

  /**
   * The message of a failed call to the engine, for work the next pass of the daemon retries.
   *
   * @param what the instance and action, e.g. {@code web.main in norcal: kill 2 task(s)}
   */
  public static String failure(String what, RuntimeException error, URI engine) {
    if (engineUnreachable(error)) {
      return what
          + " failed: the Docker engine does not answer on "
          + engine
          + " ("
          + rootMessage(error)
          + ") - is dockerd running? Start it with `dockerd --bridge=none --iptables=false"
          + " --ip-masq=false` (scripts/test.sh does); the next pass retries";
    }
    return what
        + " failed: "
        + engineMessage(error)
        + " - see the Docker engine's log (/var/log/paasta/dockerd.log); the next pass retries";
  }

  /** The message for an engine that cannot be reached, naming it and what to do. */
  public static String engineDown(URI engine, Throwable cause) {
    String hint =
        engine.toString().equals(DockerEngine.DEFAULT_HOST)
            ? "start it with `dockerd --bridge=none --iptables=false --ip-masq=false` as root"
                + " (scripts/test.sh does), or set DOCKER_HOST"
            : "check DOCKER_HOST";
    return "the Docker engine does not answer on "
        + engine
        + " - is dockerd running? "
        + hint
        + " ("
        + rootMessage(cause)
        + ")";
  }

  /** Whether the error is the engine's socket failing rather than the engine refusing. */
  public static boolean engineUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DockerException) {
        return false;
      }
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Whether the error is the engine refusing a request (an error answer of its API). */
  public static boolean engineRefused(Throwable error) {
    return error instanceof DockerException;
  }

  /** The engine's own message ({@code {"message": "..."}}) of an error, else its root message. */
  public static String engineMessage(Throwable error) {
    if (error instanceof DockerException docker && docker.getMessage() != null) {
      Matcher matcher = JSON_MESSAGE.matcher(docker.getMessage());
      if (matcher.find()) {
        return matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      return docker.getMessage().trim();
    }
    return rootMessage(error);
  }

  /** The error message of a streamed build or push message: its detail's, else the older field. */
  @SuppressWarnings("deprecation") // getError(): older engines send only this field
  public static String streamedMessage(ResponseItem item) {
    if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
      return item.getErrorDetail().getMessage();
    }
    return item.getError() != null ? item.getError() : "the Docker engine reported an error";
  }

  /** The message of the error's root cause, else the root cause's class name. */
  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.trim();
  }
}

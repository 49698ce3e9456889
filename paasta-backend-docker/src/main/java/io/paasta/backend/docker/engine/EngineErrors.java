package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.exception.DockerException;
import io.paasta.planning.backend.BackendException;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine failures as {@link BackendException}s whose message names what was being done, why it
 * failed and what to do.
 */
public final class EngineErrors {
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private EngineErrors() {}

  /**
   * @param what the instance and action, e.g. {@code web.main in norcal: kill 2 task(s)}
   */
  public static BackendException failure(String what, RuntimeException error, URI engine) {
    if (engineUnreachable(error)) {
      return new BackendException(
          what
              + " failed: the Docker engine does not answer on "
              + engine
              + " ("
              + rootMessage(error)
              + ") - is dockerd running? Start it with `dockerd --bridge=none --iptables=false"
              + " --ip-masq=false` (scripts/test.sh does); the next pass retries",
          error);
    }
    return new BackendException(
        what
            + " failed: "
            + engineMessage(error)
            + " - see the Docker engine's log (/var/log/paasta/dockerd.log); the next pass"
            + " retries",
        error);
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

  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.trim();
  }
}

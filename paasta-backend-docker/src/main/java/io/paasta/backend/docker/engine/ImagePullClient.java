package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.paasta.engine.EngineErrors;
import io.paasta.planning.backend.BackendException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pulls a task's image from its registry when the engine does not have it yet. */
public final class ImagePullClient {
  private static final Logger LOG = LoggerFactory.getLogger(ImagePullClient.class);

  private final DockerClient docker;
  private final Duration timeout;

  public ImagePullClient(DockerClient docker, Duration timeout) {
    this.docker = docker;
    this.timeout = timeout;
  }

  /**
   * Makes sure the engine has {@code image}; returns whether it had to be pulled.
   *
   * @throws BackendException when the registry lacks it, does not answer, or the pull fails
   */
  public boolean ensurePresent(String image) {
    if (present(image)) {
      return false;
    }
    ImageNames names = ImageNames.parse(image);
    LOG.info("pulling {}", image);
    PullCallback callback = new PullCallback();
    try {
      boolean done =
          docker
              .pullImageCmd(names.repository())
              .withTag(names.tag())
              .exec(callback)
              .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        throw new BackendException(
            "pulling image "
                + image
                + " took longer than "
                + timeout.toSeconds()
                + " s - is the"
                + " registry "
                + names.registry()
                + " slow or stuck?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while pulling image " + image, e);
    } catch (NotFoundException e) {
      throw notInRegistry(image, names, EngineErrors.engineMessage(e), e);
    } catch (DockerException e) {
      throw pullFailed(image, names, EngineErrors.engineMessage(e), e);
    } finally {
      closeQuietly(callback);
    }
    if (callback.error != null) {
      throw pullFailed(image, names, callback.error, null);
    }
    if (!present(image)) {
      throw notInRegistry(image, names, "the pull ended without the image", null);
    }
    return true;
  }

  private boolean present(String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static BackendException pullFailed(
      String image, ImageNames names, String why, Exception cause) {
    String lower = why.toLowerCase(Locale.ROOT);
    if (lower.contains("manifest unknown")
        || lower.contains("not found")
        || lower.contains("does not exist")) {
      return notInRegistry(image, names, why, cause);
    }
    return new BackendException(
        "pulling image "
            + image
            + " failed: "
            + why
            + " - is the registry "
            + names.registry()
            + " running and reachable from the Docker engine?",
        cause);
  }

  private static BackendException notInRegistry(
      String image, ImageNames names, String why, Exception cause) {
    return new BackendException(
        "image "
            + image
            + " is not in the registry "
            + names.registry()
            + " ("
            + why
            + ") - build and push it (paasta cook-image, paasta push-to-registry) or deploy a"
            + " version that was pushed",
        cause);
  }

  private static void closeQuietly(PullCallback callback) {
    try {
      callback.close();
    } catch (IOException ignored) {
      // the stream is over
    }
  }

  /** Remembers the pull's error message. */
  private static final class PullCallback extends ResultCallback.Adapter<PullResponseItem> {
    private volatile String error;

    @Override
    @SuppressWarnings("deprecation") // getError(): older engines send only this field
    public void onNext(PullResponseItem item) {
      if (item.isErrorIndicated()) {
        error =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.getError();
      }
    }
  }
}

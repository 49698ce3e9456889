package io.paasta.deploy.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.paasta.deploy.DeployException;
import io.paasta.engine.EngineErrors;
import java.util.function.Consumer;

/**
 * {@code paasta push-to-registry}: pushes a built image to its registry through the engine, with
 * progress per layer. An image the registry already has is skipped unless the push is forced; after
 * a push the registry is asked whether it really has the image.
 */
public final class ImagePusher {
  private final DockerClient docker;
  private final RegistryClient registry;
  private final Consumer<String> progress;

  public ImagePusher(DockerClient docker, RegistryClient registry, Consumer<String> progress) {
    this.docker = docker;
    this.registry = registry;
    this.progress = progress;
  }

  /**
   * Pushes {@code image} unless its registry has it already (or {@code force}).
   *
   * @return what was decided (and done)
   * @throws DeployException when the registry does not answer, the image was not built, or the push
   *     fails
   */
  public PushDecision push(DockerImageName image, boolean force) {
    PushDecision decision = PushDecision.decide(registry.hasImage(image), force);
    if (!decision.pushes()) {
      progress.accept(
          image.full() + " is already in the registry - not pushed (--force pushes it anyway)");
      return decision;
    }
    requireLocalImage(image);
    progress.accept(
        "==> pushing "
            + image.full()
            + (decision == PushDecision.PUSH_AGAIN ? " (forced; the registry has it)" : ""));
    runPush(image);
    if (!registry.hasImage(image)) {
      throw new DeployException(
          "the push of "
              + image.full()
              + " ended, but the registry "
              + image.registry()
              + " does not have it - check the registry's log");
    }
    return decision;
  }

  private void requireLocalImage(DockerImageName image) {
    try {
      docker.inspectImageCmd(image.full()).exec();
    } catch (NotFoundException e) {
      throw new DeployException(
          image.full()
              + " is not in the Docker engine - build it first: paasta cook-image -s "
              + image.service()
              + " -c "
              + image.gitSha(),
          e);
    }
  }

  private void runPush(DockerImageName image) {
    PushCallback callback = new PushCallback(progress);
    try {
      var push =
          docker.pushImageCmd(image.registry() + "/" + image.repository()).withTag(image.tag());
      registry
          .login(image.registry())
          .ifPresent(
              login ->
                  push.withAuthConfig(
                      new com.github.dockerjava.api.model.AuthConfig()
                          .withUsername(login.username())
                          .withPassword(login.password())
                          .withRegistryAddress(image.registry())));
      push.exec(callback).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("interrupted while pushing " + image.full(), e);
    } catch (RuntimeException e) {
      if (callback.error == null) {
        throw pushFailed(image, EngineErrors.rootMessage(e), e);
      }
    }
    if (callback.error != null) {
      throw pushFailed(image, callback.error, null);
    }
  }

  private static DeployException pushFailed(DockerImageName image, String why, Exception cause) {
    return new DeployException(
        "the push of "
            + image.full()
            + " failed: "
            + why
            + " - is the registry "
            + image.registry()
            + " running, and reachable from the Docker engine?",
        cause);
  }

  /** Prints layer progress; remembers the push's error. */
  private static final class PushCallback extends ResultCallback.Adapter<PushResponseItem> {
    private final PushProgress lines = new PushProgress();
    private final Consumer<String> progress;
    private volatile String error;

    PushCallback(Consumer<String> progress) {
      this.progress = progress;
    }

    @Override
    public void onNext(PushResponseItem item) {
      if (item.isErrorIndicated()) {
        error = EngineErrors.streamedMessage(item);
        return;
      }
      ResponseItem.ProgressDetail detail = item.getProgressDetail();
      lines
          .line(
              item.getId(),
              item.getStatus(),
              detail == null ? null : detail.getCurrent(),
              detail == null ? null : detail.getTotal())
          .ifPresent(progress);
    }
  }
}

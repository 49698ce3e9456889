package io.paasta.deploy.image;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.DeployException;
import io.paasta.engine.DockerEngine;
import io.paasta.engine.EngineException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The image builder on the Docker engine of this process's environment ({@code $DOCKER_HOST}, else
 * the default socket), for callers that hold no engine client themselves (the CLI's cook-image,
 * push-to-registry, itest and local-run). Close it when done.
 */
public final class ImageEngine implements AutoCloseable {
  private final DockerClient docker;

  private ImageEngine(DockerClient docker) {
    this.docker = docker;
  }

  /**
   * The engine, once it answered.
   *
   * @throws DeployException when it does not answer, or DOCKER_HOST is no engine address
   */
  public static ImageEngine connect() {
    try {
      return new ImageEngine(DockerEngine.fromEnvironment().connect());
    } catch (EngineException e) {
      throw new DeployException(e.getMessage(), e);
    }
  }

  /**
   * Checks that the engine answers, for work that reaches it through other programs (make and the
   * docker CLI) and wants a clear error first.
   *
   * @throws DeployException when it does not answer, or DOCKER_HOST is no engine address
   */
  public static void requireEngine() {
    connect().close();
  }

  /** Builds images here, telling {@code progress} each step and line of output. */
  public ImageBuilder builder(Consumer<String> progress) {
    return new ImageBuilder(docker, new MakeClient(), progress);
  }

  /** Pushes images from here to their registries, telling {@code progress} each layer's. */
  public ImagePusher pusher(Consumer<String> progress) {
    return new ImagePusher(docker, new RegistryClient(), progress);
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}

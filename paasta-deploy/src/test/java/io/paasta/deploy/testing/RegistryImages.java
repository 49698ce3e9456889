package io.paasta.deploy.testing;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.image.DockerImageName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Images a test created, removed afterwards from the engine and from the (loopback) registry.
 * Register each image before creating it; call {@link #removeAll} in {@code @AfterEach}.
 */
public final class RegistryImages {
  private static final String MANIFEST_TYPES =
      "application/vnd.docker.distribution.manifest.v2+json,"
          + " application/vnd.oci.image.manifest.v1+json";

  private final List<DockerImageName> images = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public DockerImageName track(DockerImageName image) {
    images.add(image);
    return image;
  }

  /** Removes every tracked image from the engine and the registry; ignores what is gone. */
  public void removeAll(DockerClient docker) {
    for (DockerImageName image : images) {
      try {
        docker.removeImageCmd(image.full()).withForce(true).exec();
      } catch (RuntimeException ignored) {
        // not built, or already removed
      }
      deleteFromRegistry(image);
    }
    images.clear();
  }

  /** Deletes the image's manifest from its registry (the registry runs with delete enabled). */
  public void deleteFromRegistry(DockerImageName image) {
    String base = "http://" + image.registry() + "/v2/" + image.repository() + "/manifests/";
    try {
      HttpResponse<Void> head =
          http.send(
              HttpRequest.newBuilder(URI.create(base + image.tag()))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .header("Accept", MANIFEST_TYPES)
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      String digest = head.headers().firstValue("Docker-Content-Digest").orElse(null);
      if (head.statusCode() == 200 && digest != null) {
        http.send(
            HttpRequest.newBuilder(URI.create(base + digest))
                .DELETE()
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
    } catch (IOException ignored) {
      // the registry is gone; nothing to clean
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

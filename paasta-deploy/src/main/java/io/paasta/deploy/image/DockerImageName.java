package io.paasta.deploy.image;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The image of one version of a service (SPEC section 2): {@code
 * <registry>/services-<service>:paasta-<git sha>}.
 */
public record DockerImageName(String registry, String service, String gitSha) {
  private static final Pattern SHA = Pattern.compile("^[0-9a-f]{40}$");

  public DockerImageName {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(service, "service");
    if (!SHA.matcher(gitSha).matches()) {
      throw new IllegalArgumentException(
          "'" + gitSha + "' is not a full git sha - expected 40 lowercase hex characters");
    }
  }

  /** {@code services-<service>}: the repository in the registry. */
  public String repository() {
    return "services-" + service;
  }

  /** {@code paasta-<sha>}. */
  public String tag() {
    return "paasta-" + gitSha;
  }

  /** {@code services-<service>:paasta-<sha>}, as deployments.json names images. */
  public String withoutRegistry() {
    return repository() + ":" + tag();
  }

  /** {@code <registry>/services-<service>:paasta-<sha>}, what is built, pushed and run. */
  public String full() {
    return registry + "/" + withoutRegistry();
  }

  @Override
  public String toString() {
    return full();
  }
}

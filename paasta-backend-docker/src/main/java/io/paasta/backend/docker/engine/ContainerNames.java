package io.paasta.backend.docker.engine;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Names of new task containers: {@code <app id>-<8 random hex>}, with every character the engine
 * does not allow in a name ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}) written as '-'.
 */
public final class ContainerNames {
  private final RandomGenerator random;

  public ContainerNames(RandomGenerator random) {
    this.random = random;
  }

  public String next(String appId) {
    byte[] bytes = new byte[4];
    random.nextBytes(bytes);
    return safe(appId) + "-" + HexFormat.of().formatHex(bytes);
  }

  /** {@code name} with every character the engine does not allow in a name written as '-'. */
  public static String safe(String appId) {
    String safe = appId.replaceAll("[^a-zA-Z0-9_.-]", "-");
    return safe.isEmpty() || !Character.isLetterOrDigit(safe.charAt(0)) ? "t" + safe : safe;
  }
}

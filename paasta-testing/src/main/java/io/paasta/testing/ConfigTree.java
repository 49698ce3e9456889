package io.paasta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test's own configuration folder in a temporary directory: a soa-configs tree ({@code
 * <service>/service.yaml}, {@code <service>/marathon-<cluster>.yaml}, ...) or a system config
 * folder (PaaSTA's {@code /etc/paasta}: {@code *.json} merged in name order).
 */
public final class ConfigTree {
  private final Path root;

  private ConfigTree(Path root) {
    this.root = root;
  }

  /** An empty soa-configs tree, {@code tmp/soa}. */
  public static ConfigTree soaConfigs(Path tmp) {
    return at(tmp.resolve("soa"));
  }

  /** An empty system config folder, {@code tmp/etc-paasta}. */
  public static ConfigTree systemConfig(Path tmp) {
    return at(tmp.resolve("etc-paasta"));
  }

  /** A tree rooted at {@code root}, created if missing. */
  public static ConfigTree at(Path root) {
    try {
      return new ConfigTree(Files.createDirectories(root));
    } catch (IOException e) {
      throw new UncheckedIOException("creating " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  /** Writes {@code content} to {@code relative} (e.g. {@code web/service.yaml}); returns it. */
  public Path write(String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}

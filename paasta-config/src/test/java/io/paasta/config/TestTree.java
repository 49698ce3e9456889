package io.paasta.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small soa-configs trees for tests. */
public final class TestTree {
  private final Path root;

  public TestTree(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Writes {@code relative} (e.g. {@code web/service.yaml}) with the given lines. */
  public TestTree file(String relative, String... lines) {
    Path path = root.resolve(relative);
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}

package io.paasta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An example service of {@code examples/services} (e.g. hello-web: a Dockerfile {@code FROM
 * scratch} that copies busybox-static) as a test's own checkout: copied into a temporary folder so
 * that builds leave nothing in the source tree, and, when asked, committed to a fresh git
 * repository on branch {@code main}.
 *
 * @param dir the checkout
 * @param head the sha of its one commit, or empty when it is not a git repository
 */
public record ExampleRepository(Path dir, String head) {
  /** {@code examples/services}, found from the module directory Maven runs tests in. */
  public static Path exampleServices() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/services");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "examples/services not found above " + Path.of("").toAbsolutePath());
  }

  /** The files of {@code examples/services/<service>} in {@code into/<service>}, no git. */
  public static ExampleRepository copy(String service, Path into) {
    Path from = exampleServices().resolve(service);
    Path to = into.resolve(service);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!path.getFileName().toString().equals("busybox")) {
          // busybox: left by a make cook-image run in the source tree, copied again by the build
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("copying " + from + " to " + to, e);
    }
    return new ExampleRepository(to, "");
  }

  /** A copy of the example service committed to a new git repository; needs git. */
  public static ExampleRepository committed(String service, Path into) {
    Path dir = copy(service, into).dir();
    return new ExampleRepository(dir, commitAll(dir));
  }

  /**
   * Makes {@code dir} a git repository on branch {@code main} whose one commit holds every file in
   * it; returns the commit's sha. Needs git.
   */
  public static String commitAll(Path dir) {
    TestInfrastructure.requireGit();
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "--no-gpg-sign", "--no-verify", "-m", "files of " + dir.getFileName());
    return git(dir, "rev-parse", "HEAD");
  }

  /** Runs git in {@code dir} as a test author; returns its trimmed output. */
  private static String git(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "core.hooksPath=/dev/null"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " in " + dir + ": " + output);
      }
      return output.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command) + " in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package io.paasta.cli.fsm;

import io.paasta.cli.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code paasta fsm}'s files, never over an existing one, and makes the repository skeleton
 * a git repository with one commit (so that its {@code git_url} answers).
 */
public final class SkeletonWriter {
  private SkeletonWriter() {}

  /**
   * Writes each file under {@code dir} (created); refuses when one exists already.
   *
   * @return the files written
   */
  public static List<Path> write(Path dir, Map<String, String> files) {
    for (String name : files.keySet()) {
      if (Files.exists(dir.resolve(name))) {
        throw new UserException(dir.resolve(name) + " exists already: paasta fsm never overwrites");
      }
    }
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        if (path.getFileName().toString().endsWith(".sh")) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        written.add(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write in " + dir, e);
    }
    return written;
  }

  /** {@code git init} with branch main, then one commit of everything in {@code repo}. */
  public static void commitAll(Path repo, String message) {
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(
        repo,
        "-c",
        "user.name=paasta fsm",
        "-c",
        "user.email=paasta-fsm@localhost",
        "commit",
        "-q",
        "-m",
        message);
  }

  private static void git(Path repo, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new UserException(
            String.join(" ", command) + " failed in " + repo + ": " + output.strip());
      }
    } catch (IOException e) {
      throw new UserException("cannot run git (is it installed?): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while running git in " + repo);
    }
  }
}

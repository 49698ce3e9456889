package io.paasta.cli.commands;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.paasta.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs of {@code paasta} for the pipeline commands' tests, and soa-configs trees to run on. */
final class PipelineCli {
  /** The example soa-configs tree, relative to the module directory (where Maven runs tests). */
  static final Path EXAMPLES = CliRun.EXAMPLES;

  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  private PipelineCli() {}

  static CliRun run(String... args) {
    return CliRun.run(args);
  }

  /** Writes a file of a test tree, creating its folders. */
  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, UTF_8);
  }
}

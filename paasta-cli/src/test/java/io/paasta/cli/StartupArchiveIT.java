package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/paasta} records its class-data-sharing archive after a build, and the commands it
 * trains start from it. A failed recording is silent by design (the CLI still runs, only slower),
 * so this test is what notices one: Java 17.0.15's dump once crashed on the lambdas of a signed
 * jar's classes (JGit) in the list.
 */
class StartupArchiveIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path ARCHIVE = ROOT.resolve("paasta-cli/target/paasta.jsa");

  @Test
  void theArchiveIsRecordedAndTheTrainedCommandsStartFromIt() throws Exception {
    Files.deleteIfExists(ARCHIVE);

    Result help = paasta(List.of(), "--help");

    assertThat(help.exit()).isZero();
    assertThat(ARCHIVE).exists();
    // -Xshare:on: the JVM refuses to start when the archive cannot be used
    Result validate =
        paasta(
            List.of("-Xshare:on", "-Xlog:class+load=info"),
            "validate",
            "-y",
            ROOT.resolve("examples/soa-configs").toString(),
            "-s",
            "hello-web");
    assertThat(validate.exit()).as(validate.output()).isZero();
    assertThat(validate.output())
        .contains("io.paasta.cli.QuickValidate source: shared objects file")
        .contains("io.paasta.config.validate.SoaValidator source: shared objects file");
  }

  @Test
  void jgitIsUnsignedSoThatItsClassesCanBeArchived() throws Exception {
    Path lib = ROOT.resolve("paasta-cli/target/lib");
    try (var jars = Files.list(lib)) {
      Path jgit =
          jars.filter(jar -> jar.getFileName().toString().startsWith("org.eclipse.jgit-"))
              .findFirst()
              .orElseThrow();
      try (var zip = new java.util.zip.ZipFile(jgit.toFile())) {
        assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
            .as("signature files of " + jgit)
            .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
            .contains("META-INF/MANIFEST.MF", "org/eclipse/jgit/api/Git.class");
      }
    }
  }

  private record Result(int exit, String output) {}

  private static Result paasta(List<String> javaOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of(ROOT.resolve("bin/paasta").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PAASTA_JAVA_OPTS", String.join(" ", javaOptions));
    Path output = Files.createTempFile("paasta-archive", ".txt");
    try {
      Process process = builder.redirectOutput(output.toFile()).start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bin/paasta finished").isTrue();
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.delete(output);
    }
  }
}

package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The help pages rendered at build time are what picocli prints live, for every command, with and
 * without colours; they are printed only when picocli would print the same.
 */
class StoredHelpTest {
  private static final Map<String, String> NO_ENV = Map.of();

  /** The stored pages (in the build's classes) equal picocli's live rendering, every form. */
  @Test
  void everyPageIsStoredAndEqualsTheLiveRendering() throws IOException {
    List<String[]> requests = new ArrayList<>();
    requests.add(new String[] {"-h"});
    requests.add(new String[] {"--help"});
    for (String command : CommandRegistry.standard().names()) {
      requests.add(new String[] {command, "-h"});
      requests.add(new String[] {command, "--help"});
    }
    List<String> missing = new ArrayList<>();
    for (String[] request : requests) {
      String name = StoredHelp.pageName(request).orElseThrow();
      for (boolean ansi : new boolean[] {false, true}) {
        String file = StoredHelp.fileName(name, ansi);
        Optional<String> live = HelpPageWriter.render(ansi, request);
        try (InputStream in = StoredHelp.class.getResourceAsStream(StoredHelp.DIRECTORY + file)) {
          if (in == null || live.isEmpty()) {
            missing.add(file + (live.isEmpty() ? " (picocli warned or failed)" : ""));
            continue;
          }
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .as("%s for %s", file, String.join(" ", request))
              .isEqualTo(live.get());
        }
      }
    }
    assertThat(missing).as("pages not stored").isEmpty();
    assertThat(HelpPageWriter.pages()).hasSize(2 * (1 + CommandRegistry.standard().names().size()));
  }

  @Test
  void onlyHelpAloneOrACommandsHelpIsAPage() {
    assertThat(StoredHelp.pageName("-h")).contains(StoredHelp.ROOT_PAGE);
    assertThat(StoredHelp.pageName("--help")).contains(StoredHelp.ROOT_PAGE);
    assertThat(StoredHelp.pageName("validate", "-h")).contains("validate");
    assertThat(StoredHelp.pageName("pause_service_autoscaler", "--help"))
        .contains("pause_service_autoscaler");
    assertThat(StoredHelp.pageName()).isEmpty();
    assertThat(StoredHelp.pageName("validate")).isEmpty();
    assertThat(StoredHelp.pageName("-h", "validate")).isEmpty();
    assertThat(StoredHelp.pageName("validate", "-h", "-y")).isEmpty();
    assertThat(StoredHelp.pageName("secret", "add", "-h")).isEmpty();
    assertThat(StoredHelp.pageName("../x", "-h")).isEmpty();
    assertThat(StoredHelp.pageName("-V", "-h")).isEmpty();
    assertThat(StoredHelp.pageName("validate", "-hv")).isEmpty();
    assertThat(StoredHelp.pageName("Validate", "-h")).isEmpty();
    assertThat(StoredHelp.pageName("", "-h")).isEmpty();
    assertThat(StoredHelp.pageName("_x", "-h")).isEmpty();
    assertThat(StoredHelp.pageName("mark-for-deployment", "-h")).contains("mark-for-deployment");
  }

  @Test
  void aCommandNameIsALowercaseLetterThenLettersUnderscoresAndDashes() {
    for (String word : List.of("a", "validate", "mark-for-deployment", "get_docker_image", "x-")) {
      assertThat(StoredHelp.isCommandName(word)).as(word).isTrue();
    }
    for (String word :
        List.of("", "-h", "_x", "A", "vAlidate", "v1", "a.b", "a b", "\u00e9t\u00e9")) {
      assertThat(StoredHelp.isCommandName(word)).as(word).isFalse();
    }
  }

  @Test
  void coloursAreDecidedAsPicocliDecidesThemOnThisSystem() {
    Properties linux = properties();
    assertThat(StoredHelp.ansi(NO_ENV, linux, false, 17)).contains(false);
    assertThat(StoredHelp.ansi(NO_ENV, linux, true, 17)).contains(true);
    assertThat(StoredHelp.ansi(Map.of("NO_COLOR", ""), linux, true, 17)).contains(false);
    assertThat(StoredHelp.ansi(Map.of("CLICOLOR_FORCE", "1"), linux, false, 17)).contains(true);
    assertThat(StoredHelp.ansi(Map.of("CLICOLOR_FORCE", "0"), linux, false, 17)).contains(false);
    Map<String, String> both = new HashMap<>(Map.of("NO_COLOR", "1", "CLICOLOR_FORCE", "1"));
    assertThat(StoredHelp.ansi(both, linux, true, 17)).contains(false);
    assertThat(StoredHelp.ansi(Map.of("CLICOLOR", "0"), linux, true, 17)).contains(false);
    assertThat(StoredHelp.ansi(Map.of("ConEmuANSI", "OFF"), linux, true, 17)).contains(false);
    assertThat(StoredHelp.ansi(Map.of("CLICOLOR", "1"), linux, false, 17)).contains(false);
    Properties closures = properties();
    closures.setProperty("picocli.disable.closures", "true");
    assertThat(StoredHelp.ansi(NO_ENV, closures, false, 17)).contains(false);
  }

  @Test
  void picocliDecidesWhenASettingCouldChangeThePage() {
    for (String property : List.of("picocli.ansi", "picocli.usage.width", "picocli.trace")) {
      Properties properties = properties();
      properties.setProperty(property, "true");
      assertThat(StoredHelp.ansi(NO_ENV, properties, false, 17)).as(property).isEmpty();
    }
    Properties windows = properties();
    windows.setProperty("os.name", "Windows 11");
    assertThat(StoredHelp.ansi(NO_ENV, windows, false, 17)).isEmpty();
    Properties crlf = properties();
    crlf.setProperty("line.separator", "\r\n");
    assertThat(StoredHelp.ansi(NO_ENV, crlf, false, 17)).isEmpty();
    // Java 22 tells a terminal by Console.isTerminal(), which picocli asks
    assertThat(StoredHelp.ansi(NO_ENV, properties(), true, 22)).isEmpty();
  }

  @Test
  void aPageWithCharactersBeyondAsciiIsLeftToPicocli() {
    assertThat(StoredHelp.isAscii("Usage: paasta\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(StoredHelp.isAscii("d\u00e9j\u00e0".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  /**
   * {@code paasta} in a JVM of its own prints the stored page without loading picocli, and exactly
   * what picocli prints when a setting makes it render the page live (a width of 80, the default;
   * colours forced through picocli's property rather than CLICOLOR_FORCE).
   */
  @Test
  void aProcessPrintsTheStoredPageWithoutPicocliAndTheSameAsLive(@TempDir Path dir)
      throws Exception {
    for (List<String> args : List.of(List.of("--help"), List.of("validate", "-h"))) {
      Path classes = dir.resolve("classes.log");
      Run stored =
          run(
              NO_ENV,
              List.of("-Xlog:class+load=info:file=" + classes),
              args.toArray(String[]::new));
      Run live = run(NO_ENV, List.of("-Dpicocli.usage.width=80"), args.toArray(String[]::new));
      assertThat(stored.exit).isZero();
      assertThat(stored.err).isEmpty();
      assertThat(stored.out).startsWith("Usage: paasta").isEqualTo(live.out);
      assertThat(live.err).isEmpty();
      assertThat(Files.readString(classes))
          .contains("io.paasta.cli.StoredHelp")
          .doesNotContain("picocli.");

      Run storedColours =
          run(Map.of("CLICOLOR_FORCE", "1"), List.of(), args.toArray(String[]::new));
      Run liveColours = run(NO_ENV, List.of("-Dpicocli.ansi=true"), args.toArray(String[]::new));
      assertThat(storedColours.out).contains("\u001b[").isEqualTo(liveColours.out);
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PaastaLauncher.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeAll(List.of("NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("stored-help", ".out");
    Path err = Files.createTempFile("stored-help", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("paasta " + String.join(" ", args) + " did not exit");
      }
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static Properties properties() {
    Properties properties = new Properties();
    properties.setProperty("os.name", "Linux");
    properties.setProperty("line.separator", "\n");
    return properties;
  }
}

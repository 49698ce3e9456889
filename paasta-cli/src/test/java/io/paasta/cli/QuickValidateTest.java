package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.output.AnsiMarkup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code paasta validate} without picocli prints what picocli's command prints, with and without
 * colours, on valid and broken trees, with every option form it takes; every other command line is
 * left to picocli.
 */
class QuickValidateTest {
  @TempDir Path dir;

  @Test
  void printsWhatTheCommandPrints() throws IOException {
    Path broken = brokenTree();
    String examples = CliRun.EXAMPLES.toString();
    List<String[]> commands =
        List.of(
            new String[] {"validate", "-y", examples},
            new String[] {"validate", "-y", examples, "-s", "hello-web"},
            new String[] {"validate", "--soa-dir", examples, "--service=batch-reports", "-v"},
            new String[] {"validate", "-s", "greeter-api", "--verbose", "--soa-dir=" + examples},
            new String[] {"validate", "-y", broken.toString()},
            new String[] {"validate", "-v", "-y", broken.toString()},
            new String[] {"validate", "-y", broken.toString(), "-s", "web"},
            new String[] {"validate", "-y", broken.toString(), "-s", "other"},
            new String[] {"validate", "-y", examples, "-s", "no-such"},
            new String[] {"validate", "-y", examples, "-s", "../x"});
    int compared = 0;
    for (String[] args : commands) {
      for (boolean ansi : new boolean[] {false, true}) {
        CliRun live =
            CliRun.runOn(PaastaMain.newCommandLine(args), ansi ? Ansi.ON : Ansi.OFF, args);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OptionalInt exit =
            QuickValidate.run(
                args,
                ansi ? Map.of("CLICOLOR_FORCE", "1") : Map.of(),
                properties(),
                false,
                new PrintStream(bytes, true));
        String what = String.join(" ", args) + (ansi ? " (colours)" : "");
        assertThat(exit).as(what).isPresent();
        assertThat(exit.getAsInt()).as(what).isEqualTo(live.exit());
        assertThat(bytes.toString(Charset.defaultCharset())).as(what).isEqualTo(live.out());
        assertThat(live.err()).as(what).isEmpty();
        compared++;
      }
    }
    assertThat(compared).isEqualTo(20);
    // the broken tree really has problems of every colour
    CliRun brokenRun = CliRun.run("validate", "-y", broken.toString());
    assertThat(brokenRun.exit()).isEqualTo(1);
    assertThat(brokenRun.out()).contains("is not a known key", "written twice", "problems");
  }

  @Test
  void errorsAreLeftToPicocliWithNothingPrinted() {
    for (String[] args :
        List.of(
            new String[] {"validate", "-y", dir.resolve("missing").toString()},
            new String[] {"validate", "-y", dir.resolve("missing").toString(), "-s", "web"},
            new String[] {"validate", "-y", "bad\u0000path"})) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      assertThat(QuickValidate.run(args, Map.of(), properties(), false, new PrintStream(bytes)))
          .as(String.join(" ", args))
          .isEmpty();
      assertThat(bytes.size()).isZero();
    }
  }

  @Test
  void onlyPlainCommandLinesAreReadHere() {
    assertThat(QuickValidate.parse("validate"))
        .contains(new QuickValidate.Request(null, null, false));
    assertThat(QuickValidate.parse("validate", "-y", "t", "-s", "a", "-v"))
        .contains(new QuickValidate.Request(Path.of("t"), "a", true));
    assertThat(QuickValidate.parse("validate", "--soa-dir=t", "--service", "a"))
        .contains(new QuickValidate.Request(Path.of("t"), "a", false));
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"list"},
            new String[] {"-v", "validate"},
            new String[] {"validate", "-yt"},
            new String[] {"validate", "-y=t"},
            new String[] {"validate", "-y"},
            new String[] {"validate", "-y", ""},
            new String[] {"validate", "-y", "-v"},
            new String[] {"validate", "-s", "@args"},
            new String[] {"validate", "@args"},
            new String[] {"validate", "--json"},
            new String[] {"validate", "-vs", "a"},
            new String[] {"validate", "-v", "-v"},
            new String[] {"validate", "--verbose=true"},
            new String[] {"validate", "-y", "a", "--soa-dir", "b"},
            new String[] {"validate", "-s", "a", "-s", "b"},
            new String[] {"validate", "--", "-s"},
            new String[] {"validate", "extra"},
            new String[] {"validate", "--soa"},
            new String[] {"validate", "-h"})) {
      assertThat(QuickValidate.parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void settingsPicocliWouldRenderDifferentlyAreLeftToIt() {
    Properties picocliAnsi = properties();
    picocliAnsi.setProperty("picocli.ansi", "true");
    Properties encoding = properties();
    encoding.setProperty("sun.stdout.encoding", "cp65001");
    String[] args = {"validate", "-y", CliRun.EXAMPLES.toString()};
    assertThat(
            QuickValidate.run(
                args, Map.of(), picocliAnsi, false, new PrintStream(new ByteArrayOutputStream())))
        .isEmpty();
    assertThat(
            QuickValidate.run(
                args, Map.of(), encoding, false, new PrintStream(new ByteArrayOutputStream())))
        .isEmpty();
  }

  @Test
  void markupIsRenderedAsPicocliRendersIt() {
    List<String> markups =
        List.of(
            "@|green \u2713|@ svc: valid (6 files)",
            "@|red,bold \u2717|@ x: 2 problems",
            "@|yellow f:1: a.b: is written twice|@",
            "@|bold,red x|@ and @|green y|@@|yellow z|@ end",
            "  instance: @|cyan main|@ @|faint (3 hours ago)|@",
            "plain @ |x| @ text",
            "");
    for (String markup : markups) {
      assertThat(AnsiMarkup.render(markup, true)).as(markup).contains(Ansi.ON.string(markup));
      assertThat(AnsiMarkup.render(markup, false)).as(markup).contains(Ansi.OFF.string(markup));
    }
    for (String odd :
        List.of(
            "@|green |@",
            "a @|green b",
            "@|green a|@ c|@",
            "@|blue a|@",
            "@|green a @|red b|@|@")) {
      assertThat(AnsiMarkup.render(odd, true)).as(odd).isEmpty();
    }
  }

  /** This JVM's properties without picocli's, with {@code \n} lines: what the stored pages need. */
  static Properties properties() {
    Properties properties = new Properties();
    properties.putAll(System.getProperties());
    properties.keySet().removeIf(key -> String.valueOf(key).startsWith("picocli."));
    properties.setProperty("line.separator", "\n");
    return properties;
  }

  /** Two services: one with problems of each kind, one that clashes with its proxy port. */
  private Path brokenTree() throws IOException {
    Path root = dir.resolve("broken");
    Files.createDirectories(root.resolve("web"));
    Files.createDirectories(root.resolve("other"));
    Files.writeString(root.resolve("web/service.yaml"), "description: web\ngpus: 1\n");
    Files.writeString(
        root.resolve("web/marathon-dev.yaml"),
        "main:\n  cpus: fast\n  instances: 2\n  namspace: x\n  mem: 100\n  mem: 200\n");
    Files.writeString(root.resolve("web/smartstack.yaml"), "main:\n  proxy_port: 20001\n");
    Files.writeString(root.resolve("other/marathon-dev.yaml"), "main:\n  cpus: 1\n");
    Files.writeString(root.resolve("other/smartstack.yaml"), "main:\n  proxy_port: 20001\n");
    return root;
  }
}

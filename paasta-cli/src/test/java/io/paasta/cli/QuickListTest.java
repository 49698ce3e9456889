package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code paasta list} without picocli prints what picocli's command prints, on both streams, with
 * every option form it takes; every other command line is left to picocli.
 */
class QuickListTest {
  @TempDir Path dir;

  @Test
  void printsWhatTheCommandPrints() throws IOException {
    Path odd = oddTree();
    String examples = CliRun.EXAMPLES.toString();
    List<String[]> commands =
        List.of(
            new String[] {"list", "-y", examples},
            new String[] {"list", "-i", "-y", examples},
            new String[] {"list", "-a", "--soa-dir", examples},
            new String[] {"list", "--all", "--print-instances", "--soa-dir=" + examples},
            new String[] {"list", "-y", odd.toString(), "-i"},
            new String[] {"list", "-y", odd.toString()});
    for (String[] args : commands) {
      CliRun live = CliRun.runOn(PaastaMain.newCommandLine(args), Ansi.OFF, args);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      OptionalInt exit =
          QuickList.run(
              args,
              Map.of(),
              QuickValidateTest.properties(),
              false,
              new PrintStream(out),
              new PrintStream(err));
      String what = String.join(" ", args);
      assertThat(exit).as(what).hasValue(live.exit());
      assertThat(out.toString(Charset.defaultCharset())).as(what).isEqualTo(live.out());
      assertThat(err.toString(Charset.defaultCharset())).as(what).isEqualTo(live.err());
    }
    assertThat(CliRun.run("list", "-a", "-y", examples).err()).contains("note: -a");
    assertThat(CliRun.run("list", "-i", "-y", odd.toString()).out())
        .contains("web.main", "web.canary", "jobs.nightly.run")
        .doesNotContain("_template");
  }

  @Test
  void errorsAndOtherFormsAreLeftToPicocli() {
    for (String[] args :
        List.of(
            new String[] {"list", "-y", dir.resolve("missing").toString()},
            new String[] {"list", "-y", "bad\u0000path"},
            new String[] {"list", "--json", "-y", CliRun.EXAMPLES.toString()},
            new String[] {"list", "-ai", "-y", CliRun.EXAMPLES.toString()},
            new String[] {"list", "-i", "-i"},
            new String[] {"list", "x"},
            new String[] {"list-clusters"},
            new String[] {"list", "-h"})) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(
              QuickList.run(
                  args,
                  Map.of(),
                  QuickValidateTest.properties(),
                  false,
                  new PrintStream(out),
                  new PrintStream(out)))
          .as(String.join(" ", args))
          .isEmpty();
      assertThat(out.size()).isZero();
    }
  }

  /** Templates, a Tron file, a flow mapping, a hidden file and a file that is not YAML. */
  private Path oddTree() throws IOException {
    Path root = dir.resolve("odd");
    Files.createDirectories(root.resolve("web"));
    Files.createDirectories(root.resolve("jobs"));
    Files.createDirectories(root.resolve("_shared"));
    Files.writeString(
        root.resolve("web/marathon-dev.yaml"),
        "_template: &t {cpus: 1}\nmain:\n  <<: *t\ncanary: {instances: 1}\n");
    Files.writeString(root.resolve("web/kubernetes-prod.yaml"), "{a: {}, b: 3}\n");
    Files.writeString(root.resolve("web/.marathon-x.yaml"), "hidden: {}\n");
    Files.writeString(root.resolve("web/chronos-dev.yaml"), "[not, a, dict]\n");
    Files.writeString(
        root.resolve("jobs/tron-dev.yaml"),
        "nightly:\n  schedule: daily\n  actions:\n    run: {command: x}\n");
    return root;
  }
}

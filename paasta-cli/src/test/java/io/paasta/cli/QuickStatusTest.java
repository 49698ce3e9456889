package io.paasta.cli;

import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.JobAnswers;
import io.paasta.cli.testing.StatusAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code paasta status} without picocli prints what picocli's command prints, with and without
 * colours, as text and JSON, for answered, failing, unreachable and wrong clusters, with every
 * option form it takes; errors and every other command line are left to picocli, with nothing
 * printed.
 */
class QuickStatusTest {
  @TempDir Path tmp;

  private FakePaastaApi local;
  private FakePaastaApi prod;
  private Path soa;

  @BeforeEach
  void twoClusters() throws IOException {
    local = new FakePaastaApi("local");
    prod = new FakePaastaApi("prod");
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    local.json("/v1/services/hello-web/main/status", StatusAnswers.running("main", SHA));
    local.json("/v1/services/hello-web/canary/status", StatusAnswers.bouncing("canary", SHA));
    local.json("/v1/services/hello-web/main/tasks?verbose=1", StatusAnswers.tasks(false));
    prod.json("/v1/services/hello-web/main/status", StatusAnswers.stopped("main", SHA));
    String job = JobAnswers.status("hello-web", "nightly", JobAnswers.summarizeDisabled());
    local.json("/v1/services/hello-web/nightly/status", job);
    local.json("/v1/services/hello-web/nightly/status?runs=10&output_lines=0", job);
  }

  @AfterEach
  void stop() {
    local.close();
    prod.close();
  }

  @Test
  void printsWhatTheCommandPrints() throws IOException {
    String both = config("both", Map.of("local", local.url(), "prod", prod.url()));
    String localOnly = config("local-only", Map.of("local", local.url()));
    String wrongAndClosed =
        config(
            "wrong", Map.of("local", prod.url(), "prod", "http://127.0.0.1:" + closedPort() + "/"));
    String s = soa.toString();
    List<String[]> commands =
        List.of(
            args("-s", "hello-web", "-y", s, "--system-config-dir", both),
            args("--service=hello-web", "--soa-dir=" + s, "--system-config-dir=" + both, "-v"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "--json"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "-c", "local", "-v"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "--instances=main"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "--clusters", "prod"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", localOnly, "-i", "main"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", localOnly, "--json"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", wrongAndClosed),
            args("-y", s, "-s", "hello-web", "--system-config-dir", both, "--api-timeout", "5.5"));
    int compared = 0;
    for (String[] args : commands) {
      for (boolean ansi : new boolean[] {false, true}) {
        String what = String.join(" ", args) + (ansi ? " (colours)" : "");
        CliRun live =
            CliRun.runOn(PaastaMain.newCommandLine(args), ansi ? Ansi.ON : Ansi.OFF, args);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OptionalInt exit =
            QuickStatus.run(
                args,
                ansi ? Map.of("CLICOLOR_FORCE", "1") : Map.of(),
                QuickValidateTest.properties(),
                false,
                new PrintStream(bytes, true));
        assertThat(exit).as(what).isPresent();
        assertThat(exit.getAsInt()).as(what).isEqualTo(live.exit());
        assertThat(bytes.toString(Charset.defaultCharset())).as(what).isEqualTo(live.out());
        assertThat(live.err()).as(what).isEmpty();
        compared++;
      }
    }
    assertThat(compared).isEqualTo(20);
  }

  @Test
  void eachClusterIsAskedItsVersionOnceAndOnlyTheClustersAskedFor() throws IOException {
    String both = config("both", Map.of("local", local.url(), "prod", prod.url()));
    String s = soa.toString();
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());

    QuickStatus.run(
        args("-s", "hello-web", "-y", s, "--system-config-dir", both),
        Map.of(),
        QuickValidateTest.properties(),
        false,
        nowhere);
    QuickStatus.run(
        args("-s", "hello-web", "-y", s, "--system-config-dir", both, "-c", "prod"),
        Map.of(),
        QuickValidateTest.properties(),
        false,
        nowhere);

    assertThat(local.requests()).filteredOn("/v1/version"::equals).hasSize(1);
    assertThat(prod.requests()).filteredOn("/v1/version"::equals).hasSize(2);
  }

  @Test
  void coloursAreRenderedWhenAsked() throws IOException {
    String both = config("both", Map.of("local", local.url(), "prod", prod.url()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OptionalInt exit =
        QuickStatus.run(
            args("-s", "hello-web", "-y", soa.toString(), "--system-config-dir", both),
            Map.of("CLICOLOR_FORCE", "1"),
            QuickValidateTest.properties(),
            false,
            new PrintStream(bytes, true));
    assertThat(exit).hasValue(0);
    assertThat(bytes.toString(Charset.defaultCharset()))
        .contains(
            "\u001B[36mcanary\u001B[39m", "Status: \u001B[2mStopped", "cluster: \u001B[1mprod");
  }

  @Test
  void errorsAndOtherFormsAreLeftToPicocliWithNothingPrinted() throws IOException {
    String both = config("both", Map.of("local", local.url(), "prod", prod.url()));
    String s = soa.toString();
    String missing = tmp.resolve("missing").toString();
    for (String[] args :
        List.of(
            args("-s", "no-such", "-y", s, "--system-config-dir", both),
            args("-s", "hello-web", "-y", missing, "--system-config-dir", both),
            args("-s", "hello-web", "-y", s, "--system-config-dir", missing),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "-c", "nowhere"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "-i", "nothing"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "-vv"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "-v", "-v"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "--api-timeout", "1e1"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "--api-timeout", "-1"),
            args("-s", "hello-web", "-y", "bad\u0000path", "--system-config-dir", both),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "extra"),
            args("-s", "hello-web", "-y", s, "--system-config-dir", both, "--json=true"),
            args("-h"),
            new String[] {"statuses", "-s", "hello-web"})) {
      String what = String.join(" ", args);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      assertThat(
              QuickStatus.run(
                  args, Map.of(), QuickValidateTest.properties(), false, new PrintStream(bytes)))
          .as(what)
          .isEmpty();
      assertThat(bytes.size()).as(what).isZero();
    }
    // what picocli then says for the first ones
    assertThat(CliRun.run(args("-s", "no-such", "-y", s, "--system-config-dir", both)).err())
        .contains("error: ");
  }

  @Test
  void onlyPlainCommandLinesAreReadHere() {
    assertThat(QuickStatus.parse("status", "-s", "a", "-c", "x,y", "-i", "m", "-v", "--json"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.service()).isEqualTo("a");
              assertThat(r.clusters()).isEqualTo("x,y");
              assertThat(r.instances()).isEqualTo("m");
              assertThat(r.verbose()).isTrue();
              assertThat(r.json()).isTrue();
              assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(r.soaDir()).isNull();
              assertThat(r.systemConfigDir()).isNull();
            });
    assertThat(QuickStatus.parse("status", "--api-timeout", "0.25", "--system-config-dir=/e"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.timeout()).isEqualTo(Duration.ofMillis(250));
              assertThat(r.systemConfigDir()).isEqualTo(Path.of("/e"));
            });
    for (String[] args :
        List.of(
            new String[] {"validate"},
            new String[] {"status", "-vv"},
            new String[] {"status", "-sa"},
            new String[] {"status", "-c", ""},
            new String[] {"status", "-i", "@file"},
            new String[] {"status", "--api-timeout", ".5"},
            new String[] {"status", "--api-timeout", "NaN"},
            new String[] {"status", "--", "-s"})) {
      assertThat(QuickStatus.parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  private static String[] args(String... more) {
    List<String> all = new ArrayList<>(List.of("status"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private String config(String name, Map<String, String> endpoints) throws IOException {
    return ApiTrees.systemConfig(tmp.resolve(name), endpoints).toString();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

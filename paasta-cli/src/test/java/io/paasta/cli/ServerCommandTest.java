package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta server}'s API options: mistakes are refused before anything starts. */
class ServerCommandTest {
  private static final String SYSTEM = "../examples/etc_paasta";

  @TempDir Path tmp;

  private CliRun server(String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "server";
    args[1] = "--system-config-dir";
    args[2] = SYSTEM;
    args[3] = "-y";
    args[4] = CliRun.EXAMPLES.toString();
    args[5] = "--state-dir=" + tmp.resolve("state");
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.run(args);
  }

  @Test
  void aNonLoopbackListenAddressIsRefused() {
    CliRun run = server("--api-listen", "0.0.0.0:5054");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("loopback only").contains("0.0.0.0");
  }

  @Test
  void aMissingTokenFileIsRefused() {
    CliRun run = server("--api-token-file", tmp.resolve("nope").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("cannot read the API token file").contains("nope");
  }

  @Test
  void aCorruptAutoscalerStateIsRefusedNamingTheFile() throws Exception {
    Files.createDirectories(tmp.resolve("state"));
    Files.writeString(tmp.resolve("state/autoscaling.json"), "[]");
    CliRun run = server("--api-listen", "127.0.0.1:0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("autoscaling.json").contains("fix it or remove it");
  }

  @Test
  void helpNamesTheApiOptions() {
    assertThat(CliRun.run("server", "--help").out())
        .contains("--api-listen")
        .contains("--api-token-file")
        .contains("--state-dir");
  }
}

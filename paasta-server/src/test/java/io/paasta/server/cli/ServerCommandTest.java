package io.paasta.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta server}'s options: mistakes are refused before anything starts. */
class ServerCommandTest {
  private static final String SYSTEM = ServerRun.SYSTEM;

  @TempDir Path tmp;

  private ServerRun server(String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "server";
    args[1] = "--system-config-dir";
    args[2] = SYSTEM;
    args[3] = "-y";
    args[4] = ServerRun.EXAMPLES.toString();
    args[5] = "--state-dir=" + tmp.resolve("state");
    System.arraycopy(more, 0, args, 6, more.length);
    return ServerRun.run(args);
  }

  @Test
  void aNonLoopbackListenAddressIsRefused() {
    ServerRun run = server("--api-listen", "0.0.0.0:5054");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("loopback only").contains("0.0.0.0");
  }

  @Test
  void aMissingTokenFileIsRefused() {
    ServerRun run = server("--api-token-file", tmp.resolve("nope").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("cannot read the API token file").contains("nope");
  }

  @Test
  void aCorruptAutoscalerStateIsRefusedNamingTheFile() throws Exception {
    Files.createDirectories(tmp.resolve("state"));
    Files.writeString(tmp.resolve("state/autoscaling.json"), "[]");
    ServerRun run = server("--api-listen", "127.0.0.1:0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("autoscaling.json").contains("fix it or remove it");
  }

  @Test
  void helpNamesTheApiOptions() {
    assertThat(ServerRun.run("server", "--help").out())
        .contains("--api-listen")
        .contains("--api-token-file")
        .contains("--state-dir");
  }

  @Test
  void anUnknownBackendIsRefusedNamingTheValueAndTheKnownOnes() {
    ServerRun run = server("--backend", "nomad");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--backend nomad").contains("known: local");
  }

  @Test
  void aMalformedPortRangeIsRefused() {
    ServerRun run = server("--port-range", "32000-31000");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--port-range 32000-31000");
  }

  @Test
  void anUnusableSystemConfigIsOneErrorLine() {
    ServerRun run = ServerRun.run("plan", "--system-config-dir", tmp.resolve("nope").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: the system config in").contains("nope");
  }

  @Test
  void planHasTheDaemonsOptionsThatShapeThePlan() {
    assertThat(ServerRun.run("plan", "--help").out())
        .contains("--state-dir")
        .contains("--no-smartstack")
        .contains("--force-cleanup")
        .contains("--backend");
  }

  @Test
  void theVersionIsTheProjects() {
    ServerRun run = ServerRun.run("server", "-V");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("paasta ").contains("(PaaSTA for the JVM)").contains("Java ");
  }
}

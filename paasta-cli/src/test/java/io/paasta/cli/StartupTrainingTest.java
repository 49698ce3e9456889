package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's training run goes through the commands people run, each as it would alone. */
class StartupTrainingTest {
  @Test
  void runsHelpAndTheReadCommandsOverTheExamples() throws Exception {
    List<List<String>> lines =
        StartupTraining.commandLines(
            CliRun.EXAMPLES, Path.of("/nowhere"), Path.of("/nowhere/repo"), "0".repeat(40));
    List<Integer> exits = StartupTraining.run(CliRun.EXAMPLES);

    assertThat(exits).hasSameSizeAs(lines);
    assertThat(lines).contains(List.of("--help"), List.of("mark-for-deployment", "-h"));
    assertThat(lines)
        .filteredOn(line -> line.get(0).equals("logs") && !line.contains("-h"))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains(StartupTraining.LOGS_CLUSTER));
    // mark-for-deployment tags the training repository (exit 0 below: the tag was made)
    assertThat(lines)
        .filteredOn(line -> line.get(0).equals("mark-for-deployment") && !line.contains("-h"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("--skip-image-check", "-c", "-l"));
    for (int i = 0; i < lines.size(); i++) {
      List<String> line = lines.get(i);
      // status asks a port nobody listens on: it reports the cluster it could not ask
      int expected = line.get(0).equals("status") && !line.contains("-h") ? 1 : 0;
      assertThat(exits.get(i)).as(String.join(" ", line)).isEqualTo(expected);
    }
  }

  @Test
  void statusIsAlsoTrainedAnsweredWithoutPicocli(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    List<OptionalInt> exits =
        StartupTraining.answeredStatus(CliRun.EXAMPLES, dir, new PrintStream(out, true));

    // three services, each plain, -v, --json and in colour, none left to picocli
    assertThat(exits).hasSize(12).allSatisfy(exit -> assertThat(exit).isPresent());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("service: hello-web", "Marathon: Healthy", "\"service\" : \"greeter-api\"");
  }
}

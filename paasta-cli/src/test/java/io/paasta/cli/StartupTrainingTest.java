package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}

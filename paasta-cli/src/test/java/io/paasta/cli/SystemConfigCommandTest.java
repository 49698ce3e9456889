package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemConfigCommandTest {
  private static final String EXAMPLE = "../examples/etc_paasta";

  @Test
  void theExampleSystemConfigIsValidAndMergedInOrder() {
    CliRun r = CliRun.run("system-config", "-d", EXAMPLE);
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.outLines())
        .contains("  cluster: local", "  docker_registry: 127.0.0.1:5000", "✓ valid: cluster local")
        .anySatisfy(l -> assertThat(l).startsWith("  location: {\"habitat\":\"local1\""));
  }

  @Test
  void jsonCarriesTheMergedConfig() throws Exception {
    JsonNode json =
        new ObjectMapper().readTree(CliRun.run("system-config", "-d", EXAMPLE, "--json").out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.at("/config/cluster").asText()).isEqualTo("local");
    assertThat(json.get("problems")).isEmpty();
  }

  @Test
  void missingKeysAndWrongTypesFail(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("00.json"), "{\"cluster\": \"local\", \"sensu_port\": \"3030\"}");
    CliRun r = CliRun.run("system-config", "-d", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            dir + "/*.json: docker_registry: is missing - a registry such as \"127.0.0.1:5000\"")
        .contains(dir + "/*.json: sensu_port: is a string (\"3030\") - expected a whole number");
  }

  @Test
  void aMissingDirectorySaysHowToSetIt(@TempDir Path dir) {
    CliRun r = CliRun.run("system-config", "-d", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("system config directory does not exist")
        .contains("PAASTA_SYSTEM_CONFIG_DIR");
  }
}

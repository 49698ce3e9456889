package io.paasta.config.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.model.SystemConfig;
import io.paasta.model.Volume;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemConfigLoaderTest {
  @TempDir Path dir;

  private SystemConfigLoader.Loaded load() {
    return new SystemConfigLoader(new ConfigFileReader()).load(dir);
  }

  @Test
  void filesMergeDeeplyInLexicalOrderLaterWinning() {
    new TestTree(dir)
        .file(
            "10-b.json",
            "{\"cluster\": \"second\", \"api_endpoints\": {\"b\": \"http://127.0.0.1:2\"}}")
        .file(
            "01-a.json",
            "{\"cluster\": \"first\", \"docker_registry\": \"127.0.0.1:5000\",",
            " \"api_endpoints\": {\"a\": \"http://127.0.0.1:1\"}, \"site_extension\": {\"x\": 1}}")
        .file("notes.txt", "ignored");
    SystemConfigLoader.Loaded loaded = load();

    assertThat(loaded.problems()).isEmpty();
    SystemConfig config = loaded.config().orElseThrow();
    assertThat(config.cluster()).isEqualTo("second");
    assertThat(config.apiEndpoints()).containsOnlyKeys("a", "b");
    assertThat(config.raw()).containsEntry("site_extension", Map.of("x", 1));
    assertThat(config.sensuHost()).isEqualTo("localhost");
    assertThat(config.sensuPort()).isEqualTo(3030);
    assertThat(config.synapsePort()).isEqualTo(3212);
  }

  @Test
  void requiredKeysAreReported() {
    new TestTree(dir)
        .file(
            "00.json",
            "{\"volumes\": [{\"containerPath\": \"/a\", \"hostPath\": \"/b\", \"mode\": \"RO\"}]}");
    SystemConfigLoader.Loaded loaded = load();
    assertThat(loaded.config()).isEmpty();
    assertThat(loaded.problems())
        .extracting(p -> p.format())
        .containsExactly(
            dir + "/*.json: cluster: is missing - the name of this cluster, e.g. \"local\"",
            dir + "/*.json: docker_registry: is missing - a registry such as \"127.0.0.1:5000\"");
  }

  @Test
  void volumesAndLocalRunCluster() {
    new TestTree(dir)
        .file(
            "00.json",
            "{\"cluster\": \"local\", \"docker_registry\": \"r\", \"local_run_config\": {\"default_cluster\": \"local\"},",
            "\"volumes\": [{\"containerPath\": \"/a\", \"hostPath\": \"/b\", \"mode\": \"RO\"}]}");
    SystemConfig config = load().config().orElseThrow();
    assertThat(config.volumes()).containsExactly(new Volume("/a", "/b", Volume.Mode.RO));
    assertThat(config.defaultLocalRunCluster()).contains("local");
  }

  @Test
  void malformedJsonNamesTheFileAndLine() {
    new TestTree(dir).file("00.json", "{", "\"cluster\": }");
    assertThat(load().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith("00.json");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).startsWith("is not valid JSON");
            });
  }

  @Test
  void theExampleSystemConfigIsValid() {
    SystemConfigLoader.Loaded loaded =
        new SystemConfigLoader(new ConfigFileReader()).load(Path.of("../examples/etc_paasta"));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.config().orElseThrow().cluster()).isEqualTo("local");
  }
}

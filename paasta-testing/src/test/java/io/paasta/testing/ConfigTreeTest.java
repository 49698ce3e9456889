package io.paasta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTreeTest {
  @TempDir Path tmp;

  @Test
  void filesLandUnderTheRootWithTheirFolders() throws Exception {
    ConfigTree soa = ConfigTree.soaConfigs(tmp);

    Path file = soa.write("web/service.yaml", "docker_registry: r\n");

    assertThat(soa.root()).isEqualTo(tmp.resolve("soa")).isDirectory();
    assertThat(file).isEqualTo(tmp.resolve("soa/web/service.yaml"));
    assertThat(Files.readString(file)).isEqualTo("docker_registry: r\n");
  }

  @Test
  void aSystemConfigFolderExistsEvenEmpty() {
    assertThat(ConfigTree.systemConfig(tmp).root())
        .isEqualTo(tmp.resolve("etc-paasta"))
        .isDirectory();
  }
}

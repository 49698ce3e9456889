package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesFileTest {
  @TempDir Path dir;

  @Test
  void writesEachNamespaceWithLocalhostAndItsProxyPort() throws Exception {
    Path file = dir.resolve("etc/services.json");
    ServicesFile.write(file, Map.of("web.main", 20001, "api.canary", 20002));
    Map<?, ?> json = new ObjectMapper().readValue(file.toFile(), Map.class);
    assertThat(json)
        .isEqualTo(
            Map.of(
                "web.main", Map.of("host", "127.0.0.1", "port", 20001),
                "api.canary", Map.of("host", "127.0.0.1", "port", 20002)));
    assertThat(Files.readString(file).indexOf("api.canary"))
        .isLessThan(Files.readString(file).indexOf("web.main"));
    ServicesFile.write(file, Map.of());
    assertThat(Files.readString(file).strip()).isEqualTo("{ }");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }
}

package io.paasta.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.testing.ApiTrees;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clusters guessed from file names (for versions asked ahead) cover those {@code select} picks
 * from the loaded service, narrowed the same way.
 */
class InstanceTargetsTest {
  @TempDir Path tmp;

  @Test
  void theLikelyClustersCoverTheSelectedOnes() throws IOException {
    Path soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    Path service = soa.resolve("hello-web");
    Files.writeString(service.resolve("adhoc-staging.yaml"), "shell:\n  cmd: bash\n");
    Files.writeString(service.resolve("kubernetes-east.yaml"), "api:\n  instances: 1\n");
    Files.writeString(service.resolve("notes-west.yaml"), "x: 1\n");
    SoaConfigsLoader loader = SoaConfigsLoader.open(soa);
    SoaDir dir = loader.soaDir();
    String[][] narrowings = {
      {null, null},
      {"prod", null},
      {"local,east", null},
      {null, "main"},
      {null, "shell"},
      {"staging", "shell"},
      {"local", "nightly"}
    };
    for (String[] narrowed : narrowings) {
      List<String> selected =
          InstanceTargets.select(
                  loader.load("hello-web").service(),
                  InstanceTargets.split(narrowed[0]),
                  InstanceTargets.split(narrowed[1]))
              .stream()
              .map(target -> target.cluster())
              .distinct()
              .toList();
      assertThat(InstanceTargets.likelyClusters(dir, "hello-web", narrowed[0], narrowed[1]))
          .as(narrowed[0] + " / " + narrowed[1])
          .containsAll(selected);
    }
    assertThat(InstanceTargets.likelyClusters(dir, "hello-web", null, null))
        .containsExactly("east", "local", "prod");
    assertThat(InstanceTargets.likelyClusters(dir, "hello-web", "prod,nowhere", null))
        .containsExactly("prod");
    assertThat(InstanceTargets.likelyClusters(dir, "hello-web", null, "shell"))
        .containsExactly("east", "local", "prod", "staging");
  }
}

package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SoaConfigsLoader#serviceFile} (two attribute reads when there is no link) finds what
 * {@link SoaConfigsLoader#insideFile} (every link resolved) finds, for plain files, links inside
 * and outside the tree, linked folders, missing files and folders in a file's place, with the tree
 * itself reached through a link or not.
 */
class ServiceFileTest {
  @TempDir Path dir;

  @Test
  void findsWhatInsideFileFinds() throws IOException {
    Path real = dir.resolve("tree");
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("smartstack.yaml"), "main: {proxy_port: 20001}\n");
    TestTree tree = new TestTree(real);
    tree.file("plain/smartstack.yaml", "main: {proxy_port: 20002}\n");
    tree.file("linked-inside/other.yaml", "main: {proxy_port: 20003}\n");
    Files.createSymbolicLink(real.resolve("linked-inside/smartstack.yaml"), Path.of("other.yaml"));
    tree.file("linked-outside/service.yaml", "description: x\n");
    Files.createSymbolicLink(
        real.resolve("linked-outside/smartstack.yaml"), outside.resolve("smartstack.yaml"));
    tree.file("dangling/service.yaml", "description: x\n");
    Files.createSymbolicLink(real.resolve("dangling/smartstack.yaml"), Path.of("gone.yaml"));
    tree.file("missing/service.yaml", "description: x\n");
    Files.createDirectories(real.resolve("folder/smartstack.yaml"));
    Files.createSymbolicLink(real.resolve("folder-link"), real.resolve("plain"));
    Files.createSymbolicLink(real.resolve("out-link"), outside);
    Path viaLink = dir.resolve("tree-link");
    Files.createSymbolicLink(viaLink, real);

    List<String> services =
        List.of(
            "plain",
            "linked-inside",
            "linked-outside",
            "dangling",
            "missing",
            "folder",
            "folder-link",
            "out-link",
            "unknown");
    for (Path root : List.of(real, viaLink)) {
      SoaConfigsLoader loader = SoaConfigsLoader.open(root);
      for (String service : services) {
        assertThat(loader.serviceFile(service, "smartstack.yaml"))
            .as(root + ": " + service)
            .isEqualTo(loader.insideFile(root.resolve(service).resolve("smartstack.yaml")));
      }
      assertThat(loader.serviceFile("plain", "smartstack.yaml"))
          .contains(real.toRealPath().resolve("plain/smartstack.yaml"));
      assertThat(loader.serviceFile("linked-outside", "smartstack.yaml")).isEmpty();
    }
  }
}

package io.paasta.cli.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RepoSkeletonTest {
  @Test
  void theRepositoryIgnoresTheBusyboxItsBuildCopiesIn() {
    Map<String, String> files = RepoSkeleton.files("shop-api", "Sells things");

    assertThat(files)
        .containsKeys("Dockerfile", "Makefile", "itest.sh", "www/index.html", "www/status");
    assertThat(files.get(".gitignore")).contains("\n/busybox\n");
    assertThat(files.get("Makefile")).contains("cp \"$(BUSYBOX)\" busybox");
    assertThat(files.get("Makefile")).contains("DOCKER_TAG ?= services-shop-api:dev");
  }
}

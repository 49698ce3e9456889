package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNamesTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000/services-web:paasta-abc, 127.0.0.1:5000, 127.0.0.1:5000/services-web, paasta-abc",
    "127.0.0.1:5000/services-web, 127.0.0.1:5000, 127.0.0.1:5000/services-web, latest",
    "registry.example/a/b@sha256:00, registry.example, registry.example/a/b, sha256:00",
    "localhost/x:1, localhost, localhost/x, 1",
    "busybox:1.36, docker.io, busybox, 1.36"
  })
  void referencesSplitIntoRegistryRepositoryAndTag(
      String image, String registry, String repository, String tag) {
    assertThat(ImageNames.parse(image)).isEqualTo(new ImageNames(registry, repository, tag));
  }
}

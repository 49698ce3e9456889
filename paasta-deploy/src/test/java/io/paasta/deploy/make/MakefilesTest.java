package io.paasta.deploy.make;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MakefilesTest {
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cook-image:                              | true
          cook-image: build-deps                   | true
          cook-image::                             | true
          itest cook-image: deps                   | true
          'cook-image :'                           | true
          .PHONY: cook-image                       | false
          cook-image := 1                          | false
          cook-image ::= 1                         | false
          X = cook-image: no                       | false
          '\tcook-image: a recipe line'            | false
          # cook-image: a comment                  | false
          cook-images:                             | false
          my-cook-image:                           | false
          ''                                       | false
          """)
  void findsExplicitRules(String text, boolean expected) {
    assertThat(Makefiles.hasTarget(text.replace("\\t", "\t"), "cook-image")).isEqualTo(expected);
  }

  @Test
  void findsATargetAmongOtherLines() {
    String makefile =
        """
        DOCKER_TAG ?= x
        .PHONY: cook-image itest

        cook-image:
        \tdocker build -t "$(DOCKER_TAG)" .

        itest: cook-image
        \t./itest.sh
        """;
    assertThat(Makefiles.hasTarget(makefile, "cook-image")).isTrue();
    assertThat(Makefiles.hasTarget(makefile, "itest")).isTrue();
    assertThat(Makefiles.hasTarget(makefile, "test")).isFalse();
  }

  @Test
  void findUsesGnuMakesOrderOfNames(@TempDir Path dir) throws IOException {
    assertThat(Makefiles.find(dir)).isEmpty();
    Files.writeString(dir.resolve("Makefile"), "a:\n");
    assertThat(Makefiles.find(dir)).get().extracting(Makefiles.Found::text).isEqualTo("a:\n");
    Files.writeString(dir.resolve("GNUmakefile"), "b:\n");
    assertThat(Makefiles.find(dir))
        .get()
        .extracting(f -> f.path().getFileName().toString())
        .isEqualTo("GNUmakefile");
  }
}

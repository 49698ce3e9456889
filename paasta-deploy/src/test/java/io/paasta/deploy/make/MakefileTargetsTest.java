package io.paasta.deploy.make;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which targets a Makefile defines. Each row is a Makefile, written with {@code \n} for a new line,
 * {@code \t} for a tab and {@code BS} for a backslash, then the targets found.
 */
class MakefileTargetsTest {
  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "security-check:                         | security-check",
        "security-check: cook-image              | security-check",
        "itest test: cook-image                  | itest, test",
        "all::                                   | all",
        "lint:\\n\\tflake8 .\\nlint-extra: lint  | lint, lint-extra",
        "X := 1\\nY ::= 2\\nZ ?= a:b\\nW = c:d   | ''",
        "export PATH := /bin                     | ''",
        "'# security-check: commented out'       | ''",
        "\\tsecurity-check: a recipe line        | ''",
        "%.o: %.c                                | ''",
        "$(IMAGE): Dockerfile                    | ''",
        ".PHONY: security-check                  | ''",
        "check: DOCKER_TAG=x                     | check",
        "a BS\\nb: c                             | a, b",
        "''                                      | ''",
      })
  void findsTheExplicitTargets(String makefile, String targets) {
    String text = makefile.replace("\\n", "\n").replace("\\t", "\t").replace("BS", "\\");

    assertThat(String.join(", ", Makefiles.targets(text))).isEqualTo(targets);
  }
}

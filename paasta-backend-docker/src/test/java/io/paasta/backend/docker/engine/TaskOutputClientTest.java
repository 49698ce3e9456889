package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskOutputClientTest {
  @Test
  void keepsTheLastLinesWithoutTheFinalNewline() {
    assertThat(TaskOutputClient.lastLines("a\nb\r\nc\n", 2)).containsExactly("b", "c");
    assertThat(TaskOutputClient.lastLines("a\nb", 5)).containsExactly("a", "b");
    assertThat(TaskOutputClient.lastLines("", 5)).isEmpty();
  }
}

package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final LineSplitter lines = new LineSplitter();

  @Test
  void wholeLinesComeOutAsTheyAre() {
    assertThat(lines.add("Step 1/6 : FROM scratch\n")).containsExactly("Step 1/6 : FROM scratch");
    assertThat(lines.add(" ---> abc\nStep 2/6 : COPY x /x\n"))
        .containsExactly(" ---> abc", "Step 2/6 : COPY x /x");
    assertThat(lines.finish()).isEmpty();
  }

  @Test
  void aLineSplitOverChunksComesOutOnceComplete() {
    assertThat(lines.add("Succ")).isEmpty();
    assertThat(lines.add("essfully bu")).isEmpty();
    assertThat(lines.add("ilt 123\r\nrest")).containsExactly("Successfully built 123");
    assertThat(lines.finish()).containsExactly("rest");
    assertThat(lines.finish()).isEmpty();
  }

  @Test
  void emptyLinesAreKept() {
    assertThat(lines.add("a\n\nb\n")).containsExactly("a", "", "b");
  }
}

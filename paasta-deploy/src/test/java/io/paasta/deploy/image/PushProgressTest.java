package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushProgressTest {
  private final PushProgress progress = new PushProgress();
  private final List<String> printed = new ArrayList<>();

  private void feed(String id, String status, Long current, Long total) {
    progress.line(id, status, current, total).ifPresent(printed::add);
  }

  @Test
  void printsEachLayersStatusOnceAndItsUploadInQuarters() {
    feed(null, "The push refers to repository [127.0.0.1:5000/services-x]", null, null);
    feed("abc", "Preparing", null, null);
    feed("abc", "Preparing", null, null);
    feed("abc", "Waiting", null, null);
    for (long sent = 0; sent <= 2_000_000; sent += 100_000) {
      feed("abc", "Pushing", sent, 2_000_000L);
    }
    feed("def", "Layer already exists", null, null);
    feed("abc", "Pushed", null, null);
    feed(null, "paasta-1: digest: sha256:00 size: 735", null, null);

    assertThat(printed)
        .containsExactly(
            "The push refers to repository [127.0.0.1:5000/services-x]",
            "  abc: Preparing",
            "  abc: Waiting",
            "  abc: Pushing 0% of 2.0 MB",
            "  abc: Pushing 25% of 2.0 MB",
            "  abc: Pushing 50% of 2.0 MB",
            "  abc: Pushing 75% of 2.0 MB",
            "  abc: Pushing 100% of 2.0 MB",
            "  def: Layer already exists",
            "  abc: Pushed",
            "paasta-1: digest: sha256:00 size: 735");
  }

  @Test
  void pushingWithoutSizesIsOneLine() {
    feed("abc", "Pushing", null, null);
    feed("abc", "Pushing", 10L, 0L);
    assertThat(printed).containsExactly("  abc: Pushing");
  }

  @Test
  void ignoresEmptyStatuses() {
    feed("abc", null, null, null);
    feed(null, " ", null, null);
    assertThat(printed).isEmpty();
  }

  @Test
  void sizesInDecimalUnits() {
    assertThat(PushProgress.size(999)).isEqualTo("999 B");
    assertThat(PushProgress.size(1_536)).isEqualTo("1.5 kB");
    assertThat(PushProgress.size(2_000_000)).isEqualTo("2.0 MB");
    assertThat(PushProgress.size(3_400_000_000L)).isEqualTo("3.4 GB");
  }
}

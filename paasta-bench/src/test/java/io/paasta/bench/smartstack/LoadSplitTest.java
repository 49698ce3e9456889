package io.paasta.bench.smartstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSplitTest {
  private static LoadGenerator.Sample ok(long start, long latency) {
    return new LoadGenerator.Sample(start, latency, null);
  }

  @Test
  void requestsAreSplitByTheirStartAgainstEveryBounce() {
    List<LoadSplit.Window> bounces =
        List.of(new LoadSplit.Window(100, 200), new LoadSplit.Window(500, 600));
    List<LoadGenerator.Sample> samples =
        List.of(
            ok(50, 1_000_000),
            ok(100, 2_000_000), // a bounce's first instant counts in it
            new LoadGenerator.Sample(150, 3_000_000, "HTTP 503"),
            ok(200, 4_000_000),
            ok(300, 5_000_000),
            new LoadGenerator.Sample(550, 6_000_000, "timeout"),
            new LoadGenerator.Sample(700, 7_000_000, "HTTP 502"));

    LoadSplit split = LoadSplit.of(samples, bounces);

    assertThat(split.during().requests()).isEqualTo(4);
    assertThat(split.during().failures())
        .extracting(LoadGenerator.Sample::failure)
        .containsExactly("HTTP 503", "timeout");
    assertThat(split.during().latencies().max()).isEqualTo(6_000_000);
    assertThat(split.outside().requests()).isEqualTo(3);
    assertThat(split.outside().failures())
        .extracting(LoadGenerator.Sample::failure)
        .containsExactly("HTTP 502");
    assertThat(split.all().requests()).isEqualTo(7);
    assertThat(split.all().failures()).hasSize(3);
    assertThat(split.all().latencies().max()).isEqualTo(7_000_000);
    assertThat(split.all().latencies().percentile(0.5)).isEqualTo(4_000_000);
  }

  @Test
  void withoutBouncesEveryRequestIsOutside() {
    LoadSplit split = LoadSplit.of(List.of(ok(1, 1), ok(2, 2)), List.of());

    assertThat(split.during().requests()).isZero();
    assertThat(split.during().latencies().summary()).isEqualTo("none");
    assertThat(split.outside().requests()).isEqualTo(2);
  }
}

package io.paasta.bench.smartstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesAreNearestRank() {
    // 1..100 ms, given in reverse order
    Latencies l =
        new Latencies(LongStream.rangeClosed(1, 100).map(i -> (101 - i) * 1_000_000).toArray());

    assertThat(l.percentile(0.5)).isEqualTo(50_000_000);
    assertThat(l.percentile(0.99)).isEqualTo(99_000_000);
    assertThat(l.max()).isEqualTo(100_000_000);
    assertThat(l.summary()).isEqualTo("p50 50.0 ms, p99 99.0 ms, max 100 ms");
  }

  @Test
  void oneValueIsEveryPercentile() {
    Latencies l = new Latencies(new long[] {1_500_000});

    assertThat(l.percentile(0.01)).isEqualTo(1_500_000);
    assertThat(l.percentile(0.99)).isEqualTo(1_500_000);
  }
}

package io.paasta.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceUseTest {
  @ParameterizedTest(name = "{0} used of {1}: {2}% in use, critical {3}")
  @CsvSource({
    "0, 6, 0, false",
    "1.55, 6, 25.833333, false",
    "5.39, 6, 89.833333, false",
    "5.4, 6, 90, true", // exactly 10 % free is critical
    "5.7, 6, 95, true",
    "7, 6, 116.666667, true", // over-committed
    "0, 0, 100, true", // nothing offered
  })
  void theCriticalRuleIsTenPercentOrLessFree(
      double used, double total, double percent, boolean critical) {
    ResourceUse use = new ResourceUse(Resource.CPUS, used, total);

    assertThat(use.usedPercent()).isCloseTo(percent, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(use.critical()).isEqualTo(critical);
  }

  @Test
  void everyResourceIsWeighedInOrderAndOneCriticalIsEnough() {
    List<ResourceUse> uses =
        ResourceUse.of(new Resources(1, 1000, 95_000), new Resources(4, 8192, 100_000));

    assertThat(uses)
        .extracting(ResourceUse::resource)
        .containsExactly(Resource.CPUS, Resource.MEMORY, Resource.DISK);
    assertThat(uses).extracting(ResourceUse::critical).containsExactly(false, false, true);
    assertThat(ResourceUse.anyCritical(uses)).isTrue();
    assertThat(ResourceUse.anyCritical(uses.subList(0, 2))).isFalse();
  }
}

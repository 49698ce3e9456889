package io.paasta.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotsTest {
  @ParameterizedTest(name = "free {0}/{1}/{2}, task {3}/{4}/{5}: {6} by {7}")
  @CsvSource({
    // free cpus, mem, disk | per task cpus, mem, disk | slots | limiting
    "4, 8192, 100000, 0.25, 1024, 1024, 8, MEMORY",
    "1, 8192, 100000, 0.25, 512, 1024, 4, CPUS",
    "4, 8192, 2048, 0.25, 512, 1024, 2, DISK",
    "0.7, 8192, 100000, 0.25, 512, 1024, 2, CPUS", // rounds down
    "0.75, 8192, 100000, 0.25, 512, 1024, 3, CPUS", // exact fit despite floating point
    "-1, 8192, 100000, 0.25, 512, 1024, 0, CPUS", // over-committed: none, never negative
    "4, 8192, 100000, 0, 512, 0, 16, MEMORY", // a resource not reserved does not limit
  })
  void theFewestCopiesAnyResourceAllowsAndWhichOne(
      double cpus,
      double mem,
      double disk,
      double taskCpus,
      double taskMem,
      double taskDisk,
      int count,
      Resource limiting) {
    Slots slots =
        Slots.of(new Resources(cpus, mem, disk), new Resources(taskCpus, taskMem, taskDisk));

    assertThat(slots).isEqualTo(new Slots(count, Optional.of(limiting)));
  }

  @org.junit.jupiter.api.Test
  void aTaskReservingNothingIsNotLimited() {
    assertThat(Slots.of(new Resources(1, 1, 1), Resources.ZERO))
        .isEqualTo(new Slots(Integer.MAX_VALUE, Optional.empty()));
  }
}

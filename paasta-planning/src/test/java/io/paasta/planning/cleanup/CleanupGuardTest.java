package io.paasta.planning.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanupGuardTest {
  private static InstanceRef ref(int i) {
    return new InstanceRef("svc", "local", "i" + i, InstanceKind.MARATHON);
  }

  private static Set<InstanceRef> refs(int from, int to) {
    return IntStream.range(from, to).mapToObj(CleanupGuardTest::ref).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0} with tasks, {1} in soa-configs, force={2}: remove {3}")
  @CsvSource({
    "4, 4, false, 0, true",
    "4, 3, false, 1, true",
    "4, 2, false, 2, true", // exactly half is allowed
    "4, 1, false, 0, false", // more than half is refused
    "4, 0, false, 0, false",
    "4, 0, true, 4, true",
    "1, 0, false, 0, false", // PaaSTA refused this too: 1 of 1 is more than half
    "1, 0, true, 1, true",
    "0, 0, false, 0, true",
    "10, 5, false, 5, true",
    "10, 4, false, 0, false",
  })
  void refusesToRemoveMoreThanHalfInOnePassUnlessForced(
      int withTasks, int inConfig, boolean force, int removed, boolean allowed) {
    CleanupGuard.Decision decision =
        CleanupGuard.removals(refs(0, withTasks), refs(0, inConfig), force);
    assertThat(decision.remove()).hasSize(removed);
    assertThat(decision.remove()).isEqualTo(removed == 0 ? Set.of() : refs(inConfig, withTasks));
    assertThat(decision.allowed()).isEqualTo(allowed);
  }

  @Test
  void instancesInSoaConfigsWithoutTasksAreNotCountedOrRemoved() {
    Set<InstanceRef> inConfig = new HashSet<>(refs(1, 3));
    inConfig.addAll(refs(10, 20));
    CleanupGuard.Decision decision = CleanupGuard.removals(refs(0, 3), inConfig, false);
    assertThat(decision.remove()).containsExactly(ref(0));
    assertThat(decision.reason()).isEqualTo("removing 1 of 3 instance(s): svc.i0");
  }

  @Test
  void aRefusalSaysWhyAndWhat() {
    CleanupGuard.Decision decision = CleanupGuard.decide(refs(0, 3), refs(0, 2), false);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.remove()).isEmpty();
    assertThat(decision.reason())
        .startsWith("refusing to remove 2 of 3 instance(s) in one pass")
        .contains("svc.i0, svc.i1")
        .endsWith("force to remove them");
    assertThat(CleanupGuard.decide(refs(0, 3), Set.of(), false).reason())
        .isEqualTo("nothing to remove");
  }

  private static InstanceRef of(String service, int i) {
    return new InstanceRef(service, "local", "i" + i, InstanceKind.MARATHON);
  }

  @Test
  void perServiceMoreThanHalfOfAServiceStillInSoaConfigsIsRefusedAndOthersGoOn() {
    // 10 instances with tasks: web has 2 (both gone from its files), api 4 (1 gone), old 4 (all
    // gone, its folder removed): 7 of 10 gone is too many cluster-wide, so take fewer
    Set<InstanceRef> withTasks =
        Set.of(
            of("web", 0),
            of("web", 1),
            of("api", 0),
            of("api", 1),
            of("api", 2),
            of("api", 3),
            of("x", 0),
            of("x", 1),
            of("x", 2),
            of("x", 3));
    Set<InstanceRef> gone = Set.of(of("web", 0), of("web", 1), of("api", 0));
    CleanupGuard.Decision decision =
        CleanupGuard.decidePerService(withTasks, gone, Set.of("web", "api", "x"), false);
    assertThat(decision.remove()).containsExactly(of("api", 0));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).startsWith("web: refusing to remove 2 of 2");
  }

  @Test
  void perServiceAServiceGoneFromSoaConfigsFollowsTheClusterRule() {
    Set<InstanceRef> withTasks = Set.of(of("web", 0), of("api", 0), of("api", 1), of("db", 0));
    Set<InstanceRef> gone = Set.of(of("web", 0));
    CleanupGuard.Decision decision =
        CleanupGuard.decidePerService(withTasks, gone, Set.of("api", "db"), false);
    assertThat(decision.remove()).containsExactly(of("web", 0));
    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void perServiceForceRemovesAll() {
    Set<InstanceRef> withTasks = Set.of(of("web", 0), of("api", 0), of("api", 1), of("db", 0));
    Set<InstanceRef> gone = Set.of(of("web", 0));
    assertThat(CleanupGuard.decidePerService(withTasks, gone, Set.of("web", "api"), true).remove())
        .containsExactly(of("web", 0));
    assertThat(CleanupGuard.decidePerService(withTasks, gone, Set.of("web", "api"), false).remove())
        .isEmpty();
  }
}

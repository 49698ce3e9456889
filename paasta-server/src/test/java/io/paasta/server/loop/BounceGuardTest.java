package io.paasta.server.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.BounceMethod;
import io.paasta.planning.InstancePlanner;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import io.paasta.planning.testing.Tasks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which of the task planner's plans check first that the desired app's tasks could start. */
class BounceGuardTest {
  private static final String OLD_APP = "svc.main.gitdeadbeef.config0badc0de";

  private static DesiredInstance desired(BounceMethod method, int instances) {
    ConfigFixture fixture = new ConfigFixture();
    fixture.bounceMethod = method;
    fixture.instances = instances;
    return fixture.desired();
  }

  private static ObservedInstance running(DesiredInstance d, String app, int count) {
    List<ObservedTask> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(Tasks.happy(app + "-t" + i, app));
    }
    return new ObservedInstance(d.ref(), tasks);
  }

  private static boolean needsCheck(Optional<DesiredInstance> d, ObservedInstance observed) {
    Plan plan = InstancePlanner.plan(d, observed, Tasks.T0.plusSeconds(3600));
    return BounceGuard.needsCheck(plan, observed, d);
  }

  @ParameterizedTest
  @EnumSource(
      value = BounceMethod.class,
      names = {"BRUTAL", "DOWNTHENUP", "UPTHENDOWN", "CROSSOVER"})
  void aBounceToANewAppIsCheckedFirstWhateverItsMethod(BounceMethod method) {
    DesiredInstance d = desired(method, 2);
    ObservedInstance old = running(d, OLD_APP, 2);
    Plan plan = InstancePlanner.plan(Optional.of(d), old, Tasks.T0.plusSeconds(3600));
    assertThat(plan.actions()).isNotEmpty();

    assertThat(BounceGuard.needsCheck(plan, old, Optional.of(d))).isTrue();
  }

  @Test
  void downthenupsFirstStepDrainsOnlyAndIsCheckedToo() {
    DesiredInstance d = desired(BounceMethod.DOWNTHENUP, 2);
    ObservedInstance old = running(d, OLD_APP, 2);
    Plan plan = InstancePlanner.plan(Optional.of(d), old, Tasks.T0.plusSeconds(3600));
    // the old tasks go first, the new app starts at a later pass
    assertThat(plan.actions()).noneMatch(Action.StartTasks.class::isInstance);

    assertThat(BounceGuard.needsCheck(plan, old, Optional.of(d))).isTrue();
  }

  @Test
  void aSteadyInstanceAndAScaleDownOfItsOwnTasksAreNot() {
    DesiredInstance two = desired(BounceMethod.BRUTAL, 2);
    assertThat(needsCheck(Optional.of(two), running(two, two.appId(), 2))).isFalse();

    DesiredInstance one = desired(BounceMethod.BRUTAL, 1);
    ObservedInstance three = running(one, one.appId(), 3);
    assertThat(InstancePlanner.plan(Optional.of(one), three, Tasks.T0.plusSeconds(3600)).actions())
        .isNotEmpty();
    assertThat(needsCheck(Optional.of(one), three)).isFalse();
  }

  @Test
  void anInstanceBeingRemovedIsNot() {
    DesiredInstance d = desired(BounceMethod.BRUTAL, 2);

    assertThat(needsCheck(Optional.empty(), running(d, OLD_APP, 2))).isFalse();
  }

  @Test
  void startingTheMissingTasksOfTheDesiredAppIs() {
    DesiredInstance d = desired(BounceMethod.CROSSOVER, 3);

    assertThat(needsCheck(Optional.of(d), running(d, d.appId(), 1))).isTrue();
  }
}

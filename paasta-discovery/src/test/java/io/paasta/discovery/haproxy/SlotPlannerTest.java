package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotPlannerTest {
  private static final String B = "web.main";

  /**
   * Each row: running slots ("-" free, "ip:port" ready, "ip:port/d" draining, "ip:port*w"
   * weighted), wanted endpoints ("ip:port" or "ip:port*w"), expected commands (CLI lines without
   * the "set server web.main/" prefix where it applies) and expected problem count.
   */
  static Stream<Arguments> table() {
    return Stream.of(
        row("nothing running, nothing wanted", "- -", "", "", 0),
        row(
            "a new endpoint takes the first free slot, ready and healthy at once",
            "- -",
            "10.0.0.1:31000",
            "s1 addr 10.0.0.1 port 31000 | s1 state ready | s1 health up",
            0),
        row(
            "an endpoint already in a slot stays: no command",
            "10.0.0.1:31000 -",
            "10.0.0.1:31000",
            "",
            0),
        row(
            "an endpoint no longer wanted frees its slot",
            "10.0.0.1:31000 -",
            "",
            "s1 state maint",
            0),
        row(
            "a replaced endpoint: the old slot is freed, the new one uses an already free slot",
            "10.0.0.1:31000 -",
            "10.0.0.2:31000",
            "s1 state maint | s2 addr 10.0.0.2 port 31000 | s2 state ready | s2 health up",
            0),
        row(
            "with no slot free before, a slot freed in the same plan is reused",
            "10.0.0.1:31000",
            "10.0.0.2:31000",
            "s1 state maint | s1 addr 10.0.0.2 port 31000 | s1 state ready | s1 health up",
            0),
        row(
            "a draining endpoint still wanted keeps draining",
            "10.0.0.1:31000/d",
            "10.0.0.1:31000",
            "",
            0),
        row(
            "a weight change is a set weight",
            "10.0.0.1:31000",
            "10.0.0.1:31000*5",
            "weight web.main/s1 5",
            0),
        row(
            "a new endpoint with a weight gets it before it is made ready",
            "-",
            "10.0.0.1:31000*7",
            "s1 addr 10.0.0.1 port 31000 | weight web.main/s1 7 | s1 state ready | s1 health up",
            0),
        row(
            "the same endpoint twice is routed once",
            "- -",
            "10.0.0.1:31000 10.0.0.1:31000",
            "s1 addr 10.0.0.1 port 31000 | s1 state ready | s1 health up",
            0),
        row(
            "two slots on one endpoint: the second is freed",
            "10.0.0.1:31000 10.0.0.1:31000",
            "10.0.0.1:31000",
            "s2 state maint",
            0),
        row(
            "more endpoints than slots: what fits is placed, the rest is a problem",
            "- 10.0.0.1:31000",
            "10.0.0.1:31000 10.0.0.2:31000 10.0.0.3:31000",
            "s1 addr 10.0.0.2 port 31000 | s1 state ready | s1 health up",
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void plansRuntimeCommands(
      String name,
      List<ServerSlot> running,
      List<Target> wanted,
      List<String> commands,
      int problems) {
    SlotPlan plan = SlotPlanner.plan(Map.of(B, running), Map.of(B, wanted));
    assertThat(plan.commands()).extracting(RuntimeCommand::cli).containsExactlyElementsOf(commands);
    assertThat(plan.problems()).hasSize(problems);
  }

  @Test
  void backendsNotWantedAreLeftAloneAndUnknownOnesIgnored() {
    Map<String, List<ServerSlot>> running =
        Map.of("other.main", slots("other.main", "10.0.0.9:1234"));
    SlotPlan plan =
        SlotPlanner.plan(running, Map.of("new.main", List.of(new Target("10.0.0.1", 31000, 1))));
    assertThat(plan.commands()).isEmpty();
    assertThat(plan.problems()).isEmpty();
  }

  @Test
  void theProblemSaysHowManyEndpointsAreNotRouted() {
    SlotPlan plan =
        SlotPlanner.plan(
            Map.of(B, slots(B, "-")), Map.of(B, targets("10.0.0.1:1 10.0.0.2:1 10.0.0.3:1")));
    assertThat(plan.problems())
        .containsExactly("web.main: 2 endpoint(s) not routed: all 1 server slots are in use");
  }

  @Test
  void slotsDoubleUntilAllEndpointsFit() {
    assertThat(SlotPlanner.slotsNeeded(0, 3, 16)).isEqualTo(16);
    assertThat(SlotPlanner.slotsNeeded(0, 17, 16)).isEqualTo(32);
    assertThat(SlotPlanner.slotsNeeded(16, 16, 16)).isEqualTo(16);
    assertThat(SlotPlanner.slotsNeeded(16, 100, 16)).isEqualTo(128);
    assertThat(SlotPlanner.slotsNeeded(64, 2, 16)).as("never shrinks").isEqualTo(64);
  }

  private static Arguments row(
      String name, String running, String wanted, String commands, int problems) {
    List<String> expected =
        commands.isEmpty()
            ? List.of()
            : Arrays.stream(commands.split(" \\| "))
                .map(c -> c.startsWith("weight") ? "set " + c : "set server " + B + "/" + c)
                .toList();
    return Arguments.of(name, slots(B, running), targets(wanted), expected, problems);
  }

  static List<ServerSlot> slots(String backend, String spec) {
    List<ServerSlot> slots = new ArrayList<>();
    String[] cells = spec.split(" ");
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      String name = ServerSlot.nameOf(i + 1);
      if (cell.equals("-")) {
        slots.add(new ServerSlot(backend, name, "127.0.0.1", 1, 5, 0, 1));
        continue;
      }
      int admin = cell.endsWith("/d") ? ServerSlot.ADMIN_FORCED_DRAIN : 0;
      Target t = target(cell.replace("/d", ""));
      slots.add(new ServerSlot(backend, name, t.address(), t.port(), admin, 2, t.weight()));
    }
    return slots;
  }

  static List<Target> targets(String spec) {
    return spec.isBlank()
        ? List.of()
        : Arrays.stream(spec.split(" ")).map(SlotPlannerTest::target).toList();
  }

  private static Target target(String cell) {
    String[] weighted = cell.split("\\*");
    int colon = weighted[0].lastIndexOf(':');
    return new Target(
        weighted[0].substring(0, colon),
        Integer.parseInt(weighted[0].substring(colon + 1)),
        weighted.length > 1 ? Integer.parseInt(weighted[1]) : 1);
  }
}

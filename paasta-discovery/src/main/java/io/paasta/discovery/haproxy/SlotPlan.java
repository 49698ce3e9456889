package io.paasta.discovery.haproxy;

import java.util.List;

/** What the {@link SlotPlanner} decided: runtime commands in order, and what it could not do. */
public record SlotPlan(List<RuntimeCommand> commands, List<String> problems) {
  public SlotPlan {
    commands = List.copyOf(commands);
    problems = List.copyOf(problems);
  }
}

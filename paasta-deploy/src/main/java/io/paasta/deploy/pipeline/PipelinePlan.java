package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code paasta pipeline run} does now: the entries to run in order, and where a later run
 * continues when a step triggers the next one manually.
 *
 * @param entries the top-level steps and groups, in deploy.yaml order
 * @param stopsAfter the step that triggers the next step manually, after which this run stops
 * @param continueFrom the step a later run starts from ({@code --from}), when this run stops early
 */
public record PipelinePlan(
    List<PlanEntry> entries, Optional<String> stopsAfter, Optional<String> continueFrom) {

  public PipelinePlan {
    entries = List.copyOf(entries);
  }

  /** How many steps run (every step of a parallel group counts). */
  public int stepCount() {
    return entries.stream().mapToInt(e -> e.steps().size()).sum();
  }

  /** The plan as text, one line per step, numbered as the run numbers its progress. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    int total = stepCount();
    int number = 0;
    for (PlanEntry entry : entries) {
      if (entry instanceof PlanEntry.Skip skip) {
        lines.add("skip " + skip.name() + "  (" + skip.reason() + ")");
        continue;
      }
      String indent = "";
      if (entry instanceof PlanEntry.RunParallel group) {
        lines.add("parallel group " + group.name() + ":");
        indent = "  ";
      }
      for (PipelineStep step : entry.steps()) {
        lines.add(
            indent + numbered(++number, total) + step.step() + "  " + StepDescriptions.of(step));
      }
      if (entry instanceof PlanEntry.RunParallel group) {
        group.disabled().forEach(name -> lines.add("  skip " + name + "  (disabled)"));
      }
    }
    if (total == 0) {
      lines.add("nothing to run");
    }
    stopsAfter.ifPresent(
        step ->
            lines.add(
                "then stop: "
                    + step
                    + " triggers the next step manually"
                    + continueFrom.map(next -> " (" + next + ")").orElse("")));
    return lines;
  }

  private static String numbered(int number, int total) {
    return "[" + number + "/" + total + "] ";
  }
}

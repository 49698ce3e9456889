package io.paasta.deploy.pipeline;

import io.paasta.deploy.DeployException;
import io.paasta.model.DeployConfig;
import io.paasta.model.PipelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which steps of deploy.yaml one {@code paasta pipeline run} runs: from the first step (or
 * {@code --from STEP}) in order, through the first step that triggers the next one manually (that
 * step runs; the next one waits for a person to run the pipeline again from it). Pure: no I/O.
 *
 * <p>A disabled step does not run, but its {@code trigger_next_step_manually} still holds:
 * disabling a step never removes the pause a person put into the pipeline. A parallel group runs
 * its enabled steps together (nested groups flattened into it); it pauses the pipeline when the
 * group or any of its steps triggers the next step manually.
 */
public final class PipelinePlanner {
  private PipelinePlanner() {}

  public static PipelinePlan plan(DeployConfig deploy, Optional<String> from) {
    List<PipelineStep> pipeline = deploy.pipeline();
    int start = from.isPresent() ? indexOf(pipeline, from.get()) : 0;
    List<PlanEntry> entries = new ArrayList<>();
    for (int i = start; i < pipeline.size(); i++) {
      PipelineStep step = pipeline.get(i);
      entries.add(entry(step));
      boolean last = i + 1 == pipeline.size();
      if (triggersNextManually(step) && !last) {
        return new PipelinePlan(
            entries, Optional.of(step.step()), Optional.of(pipeline.get(i + 1).step()));
      }
    }
    return new PipelinePlan(entries, Optional.empty(), Optional.empty());
  }

  /** What one top-level step of deploy.yaml becomes: a step, a parallel group, or a skip. */
  static PlanEntry entry(PipelineStep step) {
    if (step.parallel().isEmpty()) {
      return step.disabled()
          ? new PlanEntry.Skip(step.step(), "disabled")
          : new PlanEntry.RunStep(step);
    }
    if (step.disabled()) {
      return new PlanEntry.Skip(step.step(), "disabled");
    }
    List<PipelineStep> enabled = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    flatten(step.parallel(), false, enabled, disabled);
    if (enabled.isEmpty()) {
      return new PlanEntry.Skip(step.step(), "every step of the group is disabled");
    }
    return new PlanEntry.RunParallel(step.step(), enabled, disabled);
  }

  private static void flatten(
      List<PipelineStep> steps,
      boolean groupDisabled,
      List<PipelineStep> enabled,
      List<String> disabled) {
    for (PipelineStep step : steps) {
      boolean off = groupDisabled || step.disabled();
      if (!step.parallel().isEmpty()) {
        flatten(step.parallel(), off, enabled, disabled);
      } else if (off) {
        disabled.add(step.step());
      } else {
        enabled.add(step);
      }
    }
  }

  /** Whether the step (or any step of its group) pauses the pipeline after it. */
  static boolean triggersNextManually(PipelineStep step) {
    return step.triggerNextStepManually()
        || step.parallel().stream().anyMatch(PipelinePlanner::triggersNextManually);
  }

  private static int indexOf(List<PipelineStep> pipeline, String name) {
    for (int i = 0; i < pipeline.size(); i++) {
      if (pipeline.get(i).step().equals(name)) {
        return i;
      }
    }
    for (PipelineStep step : pipeline) {
      if (contains(step.parallel(), name)) {
        throw new DeployException(
            "step '"
                + name
                + "' is part of the parallel group '"
                + step.step()
                + "' - start from the whole group: --from "
                + step.step());
      }
    }
    List<String> known = pipeline.stream().map(PipelineStep::step).toList();
    throw new DeployException(
        "unknown step '"
            + name
            + "' for --from - expected one of: "
            + (known.isEmpty() ? "(the pipeline is empty)" : String.join(", ", known)));
  }

  private static boolean contains(List<PipelineStep> steps, String name) {
    return steps.stream().anyMatch(s -> s.step().equals(name) || contains(s.parallel(), name));
  }
}

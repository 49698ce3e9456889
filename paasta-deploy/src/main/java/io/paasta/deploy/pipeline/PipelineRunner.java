package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs a {@link PipelinePlan} through {@link PipelineActions}: entries one after the other, the
 * steps of a parallel group at the same time. The first entry with a failed step stops the run (the
 * other steps of its group finish first); every step's start and end go to the {@link
 * PipelineProgress}. A deploy step ends once its {@link DeployStepWaiter} says the deploy is done.
 */
public final class PipelineRunner {
  private final PipelineActions actions;
  private final PipelineProgress progress;
  private final Clock clock;
  private final DeployStepWaiter waiter;

  public PipelineRunner(PipelineActions actions, PipelineProgress progress, Clock clock) {
    this(actions, progress, clock, DeployStepWaiter.NONE);
  }

  public PipelineRunner(
      PipelineActions actions, PipelineProgress progress, Clock clock, DeployStepWaiter waiter) {
    this.actions = actions;
    this.progress = progress;
    this.clock = clock;
    this.waiter = waiter;
  }

  public PipelineResult run(PipelinePlan plan) {
    int total = plan.stepCount();
    int numbered = 0;
    List<StepReport> reports = new ArrayList<>();
    for (PlanEntry entry : plan.entries()) {
      if (entry instanceof PlanEntry.Skip skip) {
        progress.notRun(skip.name(), skip.reason());
        continue;
      }
      if (entry instanceof PlanEntry.RunParallel group) {
        group.disabled().forEach(name -> progress.notRun(name, "disabled"));
      }
      List<StepReport> done =
          entry.steps().size() > 1
              ? runTogether(entry.steps(), numbered, total)
              : List.of(runOne(entry.steps().get(0), numbered + 1, total));
      numbered += entry.steps().size();
      reports.addAll(done);
      List<StepReport> failed = done.stream().filter(r -> r.result().isFailed()).toList();
      if (!failed.isEmpty()) {
        return new PipelineResult(
            PipelineResult.Outcome.FAILED, reports, Optional.of(entry.name()), failure(failed));
      }
    }
    if (plan.stopsAfter().isPresent()) {
      return new PipelineResult(
          PipelineResult.Outcome.PAUSED,
          reports,
          plan.continueFrom(),
          "stopped after "
              + plan.stopsAfter().get()
              + ": it triggers the next step"
              + plan.continueFrom().map(next -> " (" + next + ")").orElse("")
              + " manually");
    }
    return new PipelineResult(
        PipelineResult.Outcome.COMPLETED, reports, Optional.empty(), completed(reports));
  }

  private List<StepReport> runTogether(List<PipelineStep> steps, int numberedBefore, int total) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            steps.size(),
            task -> {
              Thread thread = new Thread(task, "pipeline-step");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<StepReport>> running = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        PipelineStep step = steps.get(i);
        int number = numberedBefore + i + 1;
        running.add(pool.submit(() -> runOne(step, number, total)));
      }
      List<StepReport> done = new ArrayList<>();
      for (int i = 0; i < running.size(); i++) {
        done.add(await(running.get(i), steps.get(i)));
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  private static StepReport await(Future<StepReport> running, PipelineStep step) {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepReport(step.step(), StepResult.failed("interrupted"), Duration.ZERO);
    } catch (ExecutionException e) {
      return new StepReport(
          step.step(), StepResult.failed(String.valueOf(e.getCause())), Duration.ZERO);
    }
  }

  private StepReport runOne(PipelineStep step, int number, int total) {
    progress.starting(number, total, step.step());
    Instant start = clock.instant();
    StepResult result;
    try {
      result = perform(step);
      if (result == null) {
        result = StepResult.failed("the step reported no result");
      }
    } catch (RuntimeException e) {
      result = StepResult.failed(e.getMessage() != null ? e.getMessage() : e.toString());
    }
    Duration took = Duration.between(start, clock.instant());
    progress.finished(number, total, step.step(), result, took);
    return new StepReport(step.step(), result, took);
  }

  private StepResult perform(PipelineStep step) {
    return switch (StepKind.of(step)) {
      case ITEST -> actions.itest();
      case PUSH_TO_REGISTRY -> actions.pushToRegistry();
      case SECURITY_CHECK -> actions.securityCheck();
      case PERFORMANCE_CHECK -> actions.performanceCheck();
      case COMMAND -> actions.command(step);
      case DEPLOY_GROUP -> markThenWait(step.step());
    };
  }

  private StepResult markThenWait(String deployGroup) {
    StepResult marked = actions.markForDeployment(deployGroup);
    if (marked.isFailed()) {
      return marked;
    }
    StepResult waited = waiter.awaitDeployment(deployGroup);
    if (waited == null) {
      return StepResult.failed("the wait for the deploy of " + deployGroup + " reported no result");
    }
    return waited.isFailed() ? waited : marked;
  }

  private static String failure(List<StepReport> failed) {
    return failed.stream()
        .map(
            r -> {
              String why = r.result().explanation();
              return "step " + r.step() + " failed" + (why.isEmpty() ? "" : " (" + why + ")");
            })
        .collect(Collectors.joining("; "));
  }

  private static String completed(List<StepReport> reports) {
    long ok = reports.stream().filter(r -> r.result().status() == StepResult.Status.OK).count();
    long skipped = reports.size() - ok;
    return "pipeline done: "
        + ok
        + (ok == 1 ? " step" : " steps")
        + " ok"
        + (skipped > 0 ? ", " + skipped + " skipped" : "");
  }
}

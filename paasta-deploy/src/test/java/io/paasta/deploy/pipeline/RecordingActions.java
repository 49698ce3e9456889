package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A fake of our own {@link PipelineActions}: records each call ({@code itest}, {@code
 * mark:prod.canary}, {@code command:command-lint}) and answers ok unless told otherwise per call.
 */
final class RecordingActions implements PipelineActions {
  private final List<String> calls = new ArrayList<>();
  private final Map<String, Supplier<StepResult>> answers = new ConcurrentHashMap<>();

  /** What the call (as recorded) answers. */
  RecordingActions answer(String call, StepResult result) {
    return answer(call, () -> result);
  }

  RecordingActions answer(String call, Supplier<StepResult> result) {
    answers.put(call, result);
    return this;
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public StepResult itest() {
    return call("itest");
  }

  @Override
  public StepResult pushToRegistry() {
    return call("push-to-registry");
  }

  @Override
  public StepResult securityCheck() {
    return call("security-check");
  }

  @Override
  public StepResult performanceCheck() {
    return call("performance-check");
  }

  @Override
  public StepResult command(PipelineStep step) {
    return call("command:" + step.step() + step.command().map(c -> "=" + c).orElse(""));
  }

  @Override
  public StepResult markForDeployment(String deployGroup) {
    return call("mark:" + deployGroup);
  }

  private StepResult call(String call) {
    synchronized (this) {
      calls.add(call);
    }
    return answers.getOrDefault(call, StepResult::ok).get();
  }
}

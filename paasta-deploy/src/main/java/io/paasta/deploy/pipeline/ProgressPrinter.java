package io.paasta.deploy.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Progress as text lines: {@code [2/5] push-to-registry ...} when a step starts and {@code [2/5]
 * push-to-registry ... ok (3.1 s)} when it ends (output of the step itself comes in between).
 */
public final class ProgressPrinter implements PipelineProgress {
  private final Consumer<String> lines;
  private final BiFunction<StepResult.Status, String, String> style;

  /**
   * @param lines where each line goes
   * @param style how the status word ({@code ok}, {@code skipped}, {@code FAILED}) is shown, e.g.
   *     coloured on a terminal
   */
  public ProgressPrinter(
      Consumer<String> lines, BiFunction<StepResult.Status, String, String> style) {
    this.lines = lines;
    this.style = style;
  }

  /** Plain text. */
  public ProgressPrinter(Consumer<String> lines) {
    this(lines, (status, word) -> word);
  }

  @Override
  public void starting(int number, int total, String step) {
    emit(prefix(number, total, step));
  }

  @Override
  public void finished(int number, int total, String step, StepResult result, Duration took) {
    String word =
        switch (result.status()) {
          case OK -> "ok";
          case SKIPPED -> "skipped";
          case FAILED -> "FAILED";
        };
    String why =
        result.status() == StepResult.Status.OK || result.explanation().isEmpty()
            ? ""
            : ": " + result.explanation();
    emit(
        prefix(number, total, step)
            + " "
            + style.apply(result.status(), word)
            + why
            + " ("
            + seconds(took)
            + ")");
  }

  @Override
  public void notRun(String step, String reason) {
    emit(
        "[-] "
            + step
            + " ... "
            + style.apply(StepResult.Status.SKIPPED, "skipped")
            + ": "
            + reason);
  }

  private static String prefix(int number, int total, String step) {
    return "[" + number + "/" + total + "] " + step + " ...";
  }

  /** {@code 3.1 s}. */
  static String seconds(Duration took) {
    return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
  }

  private void emit(String line) {
    synchronized (this) {
      lines.accept(line);
    }
  }
}

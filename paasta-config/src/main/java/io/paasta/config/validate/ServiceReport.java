package io.paasta.config.validate;

import io.paasta.config.problem.Problem;
import java.util.List;

/**
 * The outcome of validating one service: its files, every problem found in them, and the keys it
 * sets that PaaSTA accepts but this platform does not act on and when its jobs run next ({@code
 * paasta validate -v}).
 */
public record ServiceReport(
    String service,
    int files,
    List<Problem> problems,
    List<Problem> unusedKeys,
    List<JobPreview> jobs) {
  public ServiceReport {
    problems = List.copyOf(problems);
    unusedKeys = List.copyOf(unusedKeys);
    jobs = List.copyOf(jobs);
  }

  public ServiceReport(
      String service, int files, List<Problem> problems, List<Problem> unusedKeys) {
    this(service, files, problems, unusedKeys, List.of());
  }

  public ServiceReport(String service, int files, List<Problem> problems) {
    this(service, files, problems, List.of());
  }

  public boolean valid() {
    return problems.stream().noneMatch(Problem::isError);
  }

  public long errorCount() {
    return problems.stream().filter(Problem::isError).count();
  }

  public long warningCount() {
    return problems.size() - errorCount();
  }
}

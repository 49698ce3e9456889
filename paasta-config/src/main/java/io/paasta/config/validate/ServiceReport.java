package io.paasta.config.validate;

import io.paasta.config.problem.Problem;
import java.util.List;

/** The outcome of validating one service: its files and every problem found in them. */
public record ServiceReport(String service, int files, List<Problem> problems) {
  public ServiceReport {
    problems = List.copyOf(problems);
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

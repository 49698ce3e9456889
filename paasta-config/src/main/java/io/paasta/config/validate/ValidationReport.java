package io.paasta.config.validate;

import io.paasta.config.problem.Problem;
import java.util.List;

/**
 * The outcome of {@code paasta validate}: a report per service, plus problems of the tree itself
 * (folders that are not services).
 */
public record ValidationReport(List<ServiceReport> services, List<Problem> treeProblems) {
  public ValidationReport {
    services = List.copyOf(services);
    treeProblems = List.copyOf(treeProblems);
  }

  public boolean valid() {
    return services.stream().allMatch(ServiceReport::valid)
        && treeProblems.stream().noneMatch(Problem::isError);
  }

  public long errorCount() {
    return services.stream().mapToLong(ServiceReport::errorCount).sum()
        + treeProblems.stream().filter(Problem::isError).count();
  }

  public long warningCount() {
    return services.stream().mapToLong(ServiceReport::warningCount).sum()
        + treeProblems.stream().filter(p -> !p.isError()).count();
  }
}

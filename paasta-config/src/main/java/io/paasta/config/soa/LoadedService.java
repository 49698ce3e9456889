package io.paasta.config.soa;

import io.paasta.config.problem.Problem;
import io.paasta.model.Service;
import java.util.List;

/**
 * A service as loaded: complete domain records, and the problems found on the way. A record built
 * from a field with a problem holds that field's default; callers decide whether to use it.
 */
public record LoadedService(Service service, ServiceFiles files, List<Problem> problems) {
  public LoadedService {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}

package io.paasta.cli.jobs;

import io.paasta.cli.UserException;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The job of a service that a job command acts on, in the clusters asked for (default: all). */
public final class JobTargets {
  private JobTargets() {}

  /**
   * The job {@code instance} in each of {@code clusters} (empty: every cluster that has it), by
   * cluster; a {@link UserException} when a cluster lacks it or the instance is not a job.
   */
  public static List<JobConfig> select(Service service, String instance, List<String> clusters) {
    List<JobConfig> found = new ArrayList<>();
    for (InstanceConfig config : service.instances()) {
      if (!config.ref().instance().equals(instance)) {
        continue;
      }
      if (!(config instanceof JobConfig job)) {
        throw new UserException(
            service.name()
                + "."
                + instance
                + " in cluster "
                + config.ref().cluster()
                + " is a "
                + config.ref().kind().filePrefix()
                + " instance, not a scheduled job (jobs are in chronos-<cluster>.yaml)");
      }
      if (clusters.isEmpty() || clusters.contains(job.ref().cluster())) {
        found.add(job);
      }
    }
    for (String cluster : clusters) {
      if (found.stream().noneMatch(j -> j.ref().cluster().equals(cluster))) {
        throw new UserException(
            "no job "
                + instance
                + " of "
                + service.name()
                + " in cluster "
                + cluster
                + " - "
                + jobsIn(service, Optional.of(cluster)));
      }
    }
    if (found.isEmpty()) {
      throw new UserException(
          "no job "
              + instance
              + " of "
              + service.name()
              + " - "
              + jobsIn(service, Optional.empty()));
    }
    found.sort(Comparator.comparing(j -> j.ref().cluster()));
    return found;
  }

  private static String jobsIn(Service service, Optional<String> cluster) {
    List<String> jobs =
        service.instances().stream()
            .filter(i -> i instanceof JobConfig)
            .filter(i -> cluster.isEmpty() || cluster.get().equals(i.ref().cluster()))
            .map(
                i ->
                    cluster.isPresent()
                        ? i.ref().instance()
                        : i.ref().cluster() + "/" + i.ref().instance())
            .sorted()
            .distinct()
            .toList();
    if (jobs.isEmpty()) {
      return "it has no jobs" + cluster.map(c -> " there").orElse("");
    }
    return "its jobs" + cluster.map(c -> " there").orElse("") + ": " + String.join(", ", jobs);
  }
}

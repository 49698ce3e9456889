package io.paasta.cli.jobs;

import io.paasta.cli.api.JobRunInfo;
import io.paasta.model.ServiceInstance;
import java.util.List;

/** A job's newest runs, newest first, as one cluster's API lists them. */
@FunctionalInterface
public interface RunsSource {
  List<JobRunInfo> runs(ServiceInstance job);
}

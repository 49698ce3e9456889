package io.paasta.cli.jobs;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import io.paasta.model.JobConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Every job of one cluster across the soa-configs tree: the services that have a {@code
 * chronos-<cluster>.yaml}, loaded with the usual merge and default rules.
 */
public final class ClusterJobs {
  private ClusterJobs() {}

  public static JobGraph graph(SoaConfigsLoader loader, String cluster) {
    List<JobConfig> jobs = new ArrayList<>();
    String file = InstanceKind.CHRONOS.fileName(cluster);
    for (String service : loader.listServices().services()) {
      if (!Files.isRegularFile(loader.soaDir().serviceDir(service).resolve(file))) {
        continue;
      }
      for (InstanceConfig instance : loader.load(service).service().instancesIn(cluster)) {
        if (instance instanceof JobConfig job) {
          jobs.add(job);
        }
      }
    }
    return new JobGraph(jobs);
  }
}

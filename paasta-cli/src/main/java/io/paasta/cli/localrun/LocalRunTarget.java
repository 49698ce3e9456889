package io.paasta.cli.localrun;

import io.paasta.cli.UserException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.AdhocConfig;
import io.paasta.model.BounceHealthParams;
import io.paasta.model.DrainMethod;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.Service;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The instance {@code paasta local-run} runs, found in soa-configs with errors that name the files
 * looked at: a long-running instance as the daemon runs it, or an adhoc instance run the same way
 * (one task, its own health check). Pure.
 */
public final class LocalRunTarget {
  private LocalRunTarget() {}

  /**
   * The instance {@code instance} of the loaded service in {@code cluster}, as a long-running
   * config.
   *
   * @throws UserException when the service has config errors, the cluster or instance is unknown,
   *     or the instance is a scheduled job
   */
  public static LongRunningConfig resolve(LoadedService loaded, String cluster, String instance) {
    Service service = loaded.service();
    requireNoErrors(loaded);
    List<InstanceConfig> inCluster = service.instancesIn(cluster);
    if (inCluster.isEmpty()) {
      throw new UserException(
          service.name()
              + " has no instances in cluster '"
              + cluster
              + "': there is no "
              + instanceFiles(service.name(), cluster)
              + " in soa-configs - its clusters: "
              + listOrNone(service.clusters())
              + " (pass one with -c)");
    }
    InstanceConfig config =
        service
            .instance(cluster, instance)
            .orElseThrow(
                () ->
                    new UserException(
                        "no instance '"
                            + instance
                            + "' in "
                            + filesOf(service.name(), inCluster)
                            + " - its instances: "
                            + listOrNone(inCluster.stream().map(i -> i.ref().instance()).toList())
                            + " (pass one with -i)"));
    return longRunning(config);
  }

  /** The config as the daemon's long-running one; an adhoc instance runs one task of itself. */
  static LongRunningConfig longRunning(InstanceConfig config) {
    if (config instanceof LongRunningConfig longRunning) {
      return longRunning;
    }
    if (config instanceof AdhocConfig adhoc) {
      return fromAdhoc(adhoc);
    }
    JobConfig job = (JobConfig) config;
    throw new UserException(
        job.ref().service()
            + "."
            + job.ref().instance()
            + " is a scheduled job ("
            + job.ref().service()
            + "/"
            + job.ref().kind().fileName(job.ref().cluster())
            + "): local-run runs long-running (marathon-*, kubernetes-*) and adhoc (adhoc-*)"
            + " instances - run the job once with paasta rerun, or add an adhoc instance");
  }

  /** An adhoc instance with the long-running defaults for what it does not have. */
  private static LongRunningConfig fromAdhoc(AdhocConfig adhoc) {
    return new LongRunningConfig(
        adhoc.ref(),
        adhoc.deployGroup(),
        adhoc.container(),
        1,
        OptionalInt.empty(),
        OptionalInt.empty(),
        LongRunningConfig.DEFAULT_BOUNCE_METHOD,
        LongRunningConfig.DEFAULT_BOUNCE_MARGIN_FACTOR,
        new BounceHealthParams(false, Optional.empty()),
        0,
        DrainMethod.NOOP,
        Map.of(),
        adhoc.healthcheck(),
        List.of(),
        LongRunningConfig.DEFAULT_REPLICATION_THRESHOLD,
        List.of(),
        List.of(),
        Map.of(),
        OptionalInt.empty(),
        LongRunningConfig.DEFAULT_BACKOFF_FACTOR,
        LongRunningConfig.DEFAULT_MAX_LAUNCH_DELAY_SECONDS,
        adhoc.monitoring(),
        adhoc.effective());
  }

  /** The daemon never runs a service whose config has errors; neither does local-run. */
  private static void requireNoErrors(LoadedService loaded) {
    List<Problem> errors = loaded.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new UserException(
          loaded.service().name()
              + " has "
              + errors.size()
              + " config problem(s), the first: "
              + errors.get(0).format()
              + " - fix them (paasta validate -s "
              + loaded.service().name()
              + " lists them all); the cluster would not run this config either");
    }
  }

  private static String instanceFiles(String service, String cluster) {
    return Arrays.stream(InstanceKind.values())
        .map(kind -> service + "/" + kind.fileName(cluster))
        .collect(Collectors.joining(", ", "", ""))
        .replaceFirst(", ([^,]+)$", " or $1");
  }

  private static String filesOf(String service, List<InstanceConfig> instances) {
    return instances.stream()
        .map(i -> service + "/" + i.ref().kind().fileName(i.ref().cluster()))
        .distinct()
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static String listOrNone(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList());
  }
}

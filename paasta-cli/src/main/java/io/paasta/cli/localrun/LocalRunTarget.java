package io.paasta.cli.localrun;

import io.paasta.cli.UserException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.AdhocConfig;
import io.paasta.model.BounceHealthParams;
import io.paasta.model.DrainMethod;
import io.paasta.model.Healthcheck;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.MonitoringConfig;
import io.paasta.model.Service;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The instance {@code paasta local-run} runs, found in soa-configs with errors that name the files
 * looked at: a long-running instance as the daemon runs it, an adhoc instance run the same way (one
 * task, its own health check), or one attempt of a scheduled job (one task, no health check; its
 * cmd filled by {@link JobExecution}). Pure.
 */
public final class LocalRunTarget {
  private LocalRunTarget() {}

  /**
   * The instance {@code instance} of the loaded service in {@code cluster}, as a long-running
   * config.
   *
   * @throws UserException when the service has config errors, the cluster or instance is unknown
   */
  public static LongRunningConfig resolve(LoadedService loaded, String cluster, String instance) {
    return longRunning(find(loaded, cluster, instance));
  }

  /** The adhoc instance PaaSTA's local-run takes when none is given. */
  public static final String INTERACTIVE = "interactive";

  /** The instance local-run runs when none is given. */
  public static final String DEFAULT_INSTANCE = "main";

  /**
   * The instance to run when none is given: the adhoc instance {@code interactive} of {@code
   * adhoc-<cluster>.yaml} when the service has one there (as PaaSTA's local-run did), else {@code
   * main}.
   */
  public static String defaultInstance(Service service, String cluster) {
    return service
        .instance(cluster, INTERACTIVE)
        .filter(AdhocConfig.class::isInstance)
        .map(i -> INTERACTIVE)
        .orElse(DEFAULT_INSTANCE);
  }

  /**
   * The scheduled job {@code instance} of the loaded service in {@code cluster}; empty when it is
   * another kind of instance.
   *
   * @throws UserException as {@link #resolve}
   */
  public static Optional<JobConfig> job(LoadedService loaded, String cluster, String instance) {
    return find(loaded, cluster, instance) instanceof JobConfig job
        ? Optional.of(job)
        : Optional.empty();
  }

  private static InstanceConfig find(LoadedService loaded, String cluster, String instance) {
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
    return config;
  }

  /**
   * The config as the daemon's long-running one: an adhoc instance runs one task of itself, a job
   * one attempt (one task without health check: a job has none).
   */
  static LongRunningConfig longRunning(InstanceConfig config) {
    if (config instanceof LongRunningConfig longRunning) {
      return longRunning;
    }
    if (config instanceof AdhocConfig adhoc) {
      return oneTask(adhoc, adhoc.healthcheck(), adhoc.monitoring());
    }
    JobConfig job = (JobConfig) config;
    return oneTask(job, Healthcheck.NONE, job.monitoring());
  }

  /** One task of an adhoc instance or a job, with the long-running defaults for the rest. */
  private static LongRunningConfig oneTask(
      InstanceConfig instance, Healthcheck healthcheck, MonitoringConfig monitoring) {
    return new LongRunningConfig(
        instance.ref(),
        instance.deployGroup(),
        instance.container(),
        1,
        OptionalInt.empty(),
        OptionalInt.empty(),
        LongRunningConfig.DEFAULT_BOUNCE_METHOD,
        LongRunningConfig.DEFAULT_BOUNCE_MARGIN_FACTOR,
        new BounceHealthParams(false, Optional.empty()),
        0,
        DrainMethod.NOOP,
        Map.of(),
        healthcheck,
        List.of(),
        LongRunningConfig.DEFAULT_REPLICATION_THRESHOLD,
        List.of(),
        List.of(),
        Map.of(),
        OptionalInt.empty(),
        LongRunningConfig.DEFAULT_BACKOFF_FACTOR,
        LongRunningConfig.DEFAULT_MAX_LAUNCH_DELAY_SECONDS,
        monitoring,
        instance.effective());
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

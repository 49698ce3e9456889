package io.paasta.config.validate;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.schedule.JobSchedule;
import io.paasta.config.schedule.TimeVariables;
import io.paasta.config.secrets.SecretNames;
import io.paasta.config.soa.FieldLocator;
import io.paasta.config.soa.InstanceLocator;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SecretRef;
import io.paasta.model.ServiceInstance;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a JSON Schema cannot express about an instance's run config, checked on the loaded
 * domain records. Rules about the tree around the instances (monitoring.yaml, deploy.yaml,
 * external_link) are {@link TreePolicyRules}; rules about Tron files are {@link TronRules}. The few
 * rules here that name other services (their namespaces and jobs) report {@link
 * Problem.Scope#TREE_POLICY tree-policy} problems: refused by validate, warnings for the daemon.
 */
public final class SemanticRules {
  /** Kubernetes object names are at most 63 characters; PaaSTA writes '_' as "--" in them. */
  static final int MAX_SANITISED_INSTANCE_NAME = 63;

  /**
   * The date a job's cmd is filled at to check it (any date does: whether it fills does not depend
   * on the date).
   */
  private static final LocalDateTime CMD_CHECK_DATE = LocalDateTime.of(2026, 1, 1, 0, 0);

  private static final String IAM_ROLE = "iam_role";
  private static final String SERVICE_ACCOUNT = "service_account_name";

  private final TreeIndex tree;
  private final RunLimits limits;

  public SemanticRules(TreeIndex tree, RunLimits limits) {
    this.tree = tree;
    this.limits = limits;
  }

  public List<Problem> check(LoadedService loaded) {
    Problems problems = new Problems();
    ServiceFiles files = loaded.files();
    for (InstanceConfig instance : loaded.service().instances()) {
      Check check = new Check(instance, locatorFor(files, instance), problems);
      if (instance instanceof LongRunningConfig config) {
        checkLongRunning(config, check);
      } else if (instance instanceof JobConfig config) {
        checkJob(config, check);
      }
      checkCommand(check);
      checkHealthcheckCmd(check);
      checkIamRole(check);
      checkInstanceNameLength(check);
      checkDependenciesReference(files, check);
      if (instance.ref().kind().isKubernetes()) {
        checkKubernetesOnly(instanceDict(files, instance), check);
      }
      checkSecrets(instance, files, limits.ecosystem(instance.ref().cluster()), check);
    }
    checkUniqueInstanceNames(files, problems);
    problems.addAll(KubernetesRules.check(loaded, limits));
    checkDiscoverIsAdvertised(files, problems);
    checkTeam(loaded, problems);
    return problems.list();
  }

  private void checkLongRunning(LongRunningConfig config, Check check) {
    checkInstanceCount(config, check);
    double margin = config.bounceMarginFactor();
    if (!(margin > 0 && margin <= 1)) {
      check.problem(
          "bounce_margin_factor",
          "is out of range",
          config.effective().get("bounce_margin_factor"),
          "a number in (0, 1]");
    }
    if (config.healthcheck().mode() == HealthcheckMode.CMD
        && config.healthcheck().cmd().isEmpty()) {
      check.problem(
          "healthcheck_cmd",
          "is missing while healthcheck_mode is cmd",
          Problem.NO_VALUE,
          "a healthcheck_cmd to run in the container");
    }
    if (config.minInstances().isPresent()
        && config.maxInstances().isPresent()
        && config.minInstances().getAsInt() > config.maxInstances().getAsInt()) {
      check.problem(
          "min_instances",
          "is greater than max_instances (" + config.maxInstances().getAsInt() + ")",
          config.minInstances().getAsInt(),
          "min_instances <= max_instances");
    }
    String key = config.effective().containsKey("registrations") ? "registrations" : "nerve_ns";
    if (config.effective().containsKey(key)) {
      for (ServiceInstance namespace : config.registrations()) {
        if (!tree.serviceExists(namespace.service())) {
          check.warning(
              key,
              "names a namespace of "
                  + namespace.service()
                  + ", which is not in this soa-configs"
                  + " tree ("
                  + namespace
                  + "), so it is not checked",
              "a namespace of a service of the tree, or one defined outside it");
        } else if (!tree.namespaceExists(namespace)) {
          check.policyProblem(
              key,
              "names a namespace that does not exist",
              namespace.toString(),
              "a namespace of " + namespace.service() + "/smartstack.yaml");
        }
      }
    }
  }

  /** No count of tasks beyond the cluster's {@link RunLimits#maxInstancesPerInstance()}. */
  private void checkInstanceCount(LongRunningConfig config, Check check) {
    int max = limits.maxInstancesPerInstance();
    String expected = "at most " + max + " (this cluster's " + RunLimits.MAX_INSTANCES_KEY + ")";
    if (config.instances() > max) {
      check.problem(
          "instances", "is more tasks than one instance may run", config.instances(), expected);
    }
    config.minInstances().ifPresent(min -> tooMany(check, "min_instances", min, max, expected));
    config.maxInstances().ifPresent(most -> tooMany(check, "max_instances", most, max, expected));
  }

  private static void tooMany(Check check, String field, int value, int max, String expected) {
    if (value > max) {
      check.problem(field, "is more tasks than one instance may run", value, expected);
    }
  }

  private void checkJob(JobConfig job, Check check) {
    boolean hasSchedule = job.schedule().isPresent();
    boolean hasParents = !job.parents().isEmpty();
    if (hasSchedule && hasParents) {
      check.problem(
          "parents",
          "is set together with schedule",
          Problem.NO_VALUE,
          "either a schedule or parents, not both");
    } else if (!hasSchedule && !hasParents) {
      check.problem(
          "schedule",
          "is missing and there are no parents",
          Problem.NO_VALUE,
          "a schedule or parents");
    }
    job.schedule()
        .ifPresent(
            schedule -> {
              JobSchedule.Parse parse = JobSchedule.parse(schedule);
              if (parse instanceof JobSchedule.Invalid invalid) {
                check.problem("schedule", invalid.reason(), schedule, invalid.expected());
              } else if (parse instanceof JobSchedule.Parsed parsed
                  && parsed.schedule() instanceof JobSchedule.CronSchedule cron
                  && (cron.line().impossible()
                      || cron.line().firstAtOrAfter(CMD_CHECK_DATE).isEmpty())) {
                check.problem(
                    "schedule",
                    "never runs (no date matches it)",
                    schedule,
                    "a cron expression whose day of month exists in its months, such as 0 0 28 2 *");
              }
            });
    job.scheduleTimeZone()
        .ifPresent(
            zone -> {
              try {
                ZoneId.of(zone);
              } catch (DateTimeException e) {
                check.problem(
                    "schedule_time_zone",
                    "is not a time zone",
                    zone,
                    "a tz database name such as UTC or America/Los_Angeles");
              }
            });
    for (ServiceInstance parent : job.parents()) {
      if (!tree.jobExists(parent, job.ref().cluster())) {
        check.policyProblem(
            "parents",
            "names a job that does not exist",
            parent.toString(),
            "a job of " + parent.service() + "/chronos-" + job.ref().cluster() + ".yaml");
      }
    }
    checkParentCycle(job, check);
    checkJobCmd(check);
  }

  /**
   * Refuses a job that is its own ancestor through the parents of the cluster's jobs (any service):
   * it could never run.
   */
  private void checkParentCycle(JobConfig job, Check check) {
    ServiceInstance self = new ServiceInstance(job.ref().service(), job.ref().instance());
    String cluster = job.ref().cluster();
    Deque<List<ServiceInstance>> paths = new ArrayDeque<>();
    Set<ServiceInstance> seen = new HashSet<>();
    for (ServiceInstance parent : job.parents()) {
      paths.add(List.of(self, parent));
    }
    while (!paths.isEmpty()) {
      List<ServiceInstance> path = paths.poll();
      ServiceInstance last = path.get(path.size() - 1);
      if (last.equals(self)) {
        check.problem(
            "parents",
            "makes a cycle: "
                + path.stream().map(ServiceInstance::toString).collect(Collectors.joining(" -> ")),
            job.parents().stream().map(ServiceInstance::toString).toList(),
            "parents that do not lead back to " + self);
        return;
      }
      if (!seen.add(last)) {
        continue;
      }
      for (ServiceInstance next : tree.parentsOf(last, cluster)) {
        List<ServiceInstance> longer = new ArrayList<>(path);
        longer.add(next);
        paths.add(longer);
      }
    }
  }

  /** A cmd whose time variables do not fill is refused with PaaSTA's message. */
  private static void checkJobCmd(Check check) {
    if (!(check.instance.effective().get("cmd") instanceof String cmd)) {
      return;
    }
    try {
      TimeVariables.fill(cmd, CMD_CHECK_DATE.atZone(ZoneOffset.UTC));
    } catch (TimeVariables.UnparseableCommand e) {
      check.problem(
          "cmd",
          e.getMessage(),
          Problem.NO_VALUE,
          "time variables as %(name)s with " + TimeVariables.NAMES + "; " + e.reason());
    }
  }

  private static void checkCommand(Check check) {
    Map<String, Object> effective = check.instance.effective();
    if (effective.get("cmd") != null && effective.get("args") != null) {
      check.problem(
          "args", "is set together with cmd", Problem.NO_VALUE, "either cmd or args, not both");
    }
  }

  private static void checkHealthcheckCmd(Check check) {
    Map<String, Object> effective = check.instance.effective();
    if (!(check.instance instanceof JobConfig)
        && effective.get("healthcheck_cmd") != null
        && !"cmd".equals(effective.get("healthcheck_mode"))) {
      check.problem(
          "healthcheck_cmd",
          "is set but healthcheck_mode is not cmd",
          effective.get("healthcheck_cmd"),
          "healthcheck_mode: cmd with it (PaaSTA refuses a healthcheck_cmd otherwise), or no"
              + " healthcheck_cmd");
    }
  }

  private static void checkIamRole(Check check) {
    Map<String, Object> effective = check.instance.effective();
    if (effective.get(IAM_ROLE) != null && effective.get(SERVICE_ACCOUNT) != null) {
      check.problem(
          SERVICE_ACCOUNT,
          "is set together with iam_role",
          effective.get(SERVICE_ACCOUNT),
          "either iam_role or service_account_name, not both");
    }
  }

  private static void checkInstanceNameLength(Check check) {
    String name = check.instance.ref().instance();
    String sanitised = name.replace("_", "--");
    if (sanitised.length() > MAX_SANITISED_INSTANCE_NAME) {
      check.problems.add(
          Problem.error(
              check.locator.locate(List.of()),
              name,
              "is too long: "
                  + sanitised.length()
                  + " characters once each '_' is written '--' in object names",
              name,
              "at most " + MAX_SANITISED_INSTANCE_NAME + " characters (counting '_' as two)"));
    }
  }

  private static void checkDependenciesReference(ServiceFiles files, Check check) {
    Object reference = check.instance.effective().get("dependencies_reference");
    if (!(reference instanceof String name)) {
      return;
    }
    boolean found =
        files
            .dependencies()
            .map(f -> f.root() instanceof Map<?, ?> root && root.containsKey(name))
            .orElse(false);
    if (!found) {
      check.problem(
          "dependencies_reference",
          files.dependencies().isPresent()
              ? "names no dependency of " + files.service() + "/dependencies.yaml"
              : "names a dependency but " + files.service() + "/dependencies.yaml does not exist",
          name,
          "a key of " + files.service() + "/dependencies.yaml");
    }
  }

  /**
   * Keys PaaSTA refuses when written in a kubernetes-* (or eks-*) file itself; inherited from
   * service.yaml they are fine, as in PaaSTA.
   */
  private static void checkKubernetesOnly(Map<?, ?> dict, Check check) {
    for (String key : List.of("net", "nerve_ns")) {
      if (dict.containsKey(key)) {
        check.problem(
            key,
            "is not allowed in " + check.instance.ref().kind().filePrefix() + "-* files",
            dict.get(key),
            "net/nerve_ns only in marathon-* files or service.yaml; registrations for namespaces");
      }
    }
    if (check.instance.effective().get("autoscaling") instanceof Map<?, ?> autoscaling
        && autoscaling.containsKey("setpoint")) {
      check.problem(
          List.of("autoscaling", "setpoint"),
          "is the old autoscaling form, which kubernetes files no longer take",
          autoscaling.get("setpoint"),
          "autoscaling: {metrics_providers: [{type: cpu, setpoint: 0.8}]}");
    }
  }

  /** PaaSTA refuses one instance name in two files of one cluster (e.g. marathon- and adhoc-). */
  private static void checkUniqueInstanceNames(ServiceFiles files, Problems problems) {
    Map<String, String> firstFile = new java.util.HashMap<>();
    for (ServiceFiles.InstanceFile file : files.instanceFiles()) {
      if (!(file.file().root() instanceof Map<?, ?> root)) {
        continue;
      }
      for (Object key : root.keySet()) {
        String instance = String.valueOf(key);
        if (io.paasta.model.Names.isTemplate(instance)) {
          continue;
        }
        String other = firstFile.putIfAbsent(file.cluster() + "/" + instance, file.file().file());
        if (other != null) {
          problems.add(
              Problem.error(
                  Location.of(file.file().file(), file.file().lineOf(List.of(instance))),
                  instance,
                  "is also an instance of " + other + " in cluster " + file.cluster(),
                  instance,
                  "instance names unique within a cluster across file kinds"));
        }
      }
    }
  }

  /** A namespace's {@code discover} level must be one it {@code advertise}s on. */
  private static void checkDiscoverIsAdvertised(ServiceFiles files, Problems problems) {
    if (files.smartstack().isEmpty()
        || !(files.smartstack().get().root() instanceof Map<?, ?> root)) {
      return;
    }
    var file = files.smartstack().get();
    root.forEach(
        (name, value) -> {
          if (!(value instanceof Map<?, ?> namespace)
              || io.paasta.model.Names.isTemplate(String.valueOf(name))) {
            return;
          }
          Object discover =
              namespace.containsKey("discover") ? namespace.get("discover") : "region";
          Object advertise =
              namespace.containsKey("advertise") ? namespace.get("advertise") : List.of("region");
          if (discover instanceof String level
              && advertise instanceof List<?> levels
              && !levels.contains(level)) {
            // discovery still works (it finds no backend at that level): policy, not run safety
            problems.add(
                Problem.error(
                        Location.of(file.file(), file.lineOf(List.of(name, "discover"))),
                        name + ".discover",
                        "is not one of the levels the namespace advertises on " + levels,
                        level,
                        "a discover level listed in advertise")
                    .asTreePolicy());
          }
        });
  }

  /**
   * SPEC section 15: a secret's name is a file name; {@code SECRET(name)} needs {@code
   * secrets/name.json}, with an entry for the cluster's ecosystem ({@code vault_cluster_map}, else
   * the cluster's name). Shared secrets are checked where they are read (the daemon, {@code paasta
   * secret}).
   */
  private static void checkSecrets(
      InstanceConfig instance, ServiceFiles files, String ecosystem, Check check) {
    instance
        .container()
        .env()
        .forEach(
            (name, value) ->
                SecretRef.parse(value)
                    .ifPresent(
                        ref -> {
                          java.util.Optional<String> bad = SecretNames.problem(ref.name());
                          if (bad.isPresent()) {
                            check.problem(
                                List.of("env", name),
                                bad.get(),
                                value,
                                "letters, digits, '-' and '_', not starting with '-' or '_'");
                          } else if (!ref.shared() && !files.hasSecret(ref.name())) {
                            check.problem(
                                List.of("env", name),
                                "Secret file "
                                    + files.service()
                                    + "/secrets/"
                                    + ref.name()
                                    + ".json not defined",
                                value,
                                "a secret made with `paasta secret add -s "
                                    + files.service()
                                    + " -n "
                                    + ref.name()
                                    + "`");
                          } else if (!ref.shared()
                              && !definesEcosystem(files, ref.name(), ecosystem)) {
                            String file = files.service() + "/secrets/" + ref.name() + ".json";
                            check.problem(
                                List.of("env", name),
                                "Secret "
                                    + ref.name()
                                    + " not defined for ecosystem "
                                    + ecosystem
                                    + " on secret file "
                                    + file,
                                value,
                                "the value encrypted for "
                                    + ecosystem
                                    + ": `paasta secret update -s "
                                    + files.service()
                                    + " -n "
                                    + ref.name()
                                    + " -c "
                                    + instance.ref().cluster()
                                    + "`");
                          }
                        }));
  }

  /**
   * Whether the secret file has an entry for the ecosystem; a file that could not be read is
   * reported as such elsewhere and not judged here.
   */
  private static boolean definesEcosystem(ServiceFiles files, String secret, String ecosystem) {
    io.paasta.config.yaml.ParsedFile parsed = files.secrets().get(secret);
    if (parsed == null || !(parsed.root() instanceof Map<?, ?> root)) {
      return true;
    }
    return !(root.get("environments") instanceof Map<?, ?> environments)
        || environments.containsKey(ecosystem);
  }

  private static void checkTeam(LoadedService loaded, Problems problems) {
    List<String> withoutTeam =
        loaded.service().instances().stream()
            .filter(i -> !i.monitoring().alertsEnabled())
            .map(i -> i.ref().instance() + " in " + i.ref().cluster())
            .distinct()
            .toList();
    if (withoutTeam.isEmpty()) {
      return;
    }
    // never name a file that does not exist
    String file =
        loaded.files().monitoring().map(f -> f.file()).orElse(loaded.service().name() + "/");
    problems.add(
        Problem.warning(
            Location.of(file),
            "team",
            "is not set for " + String.join(", ", withoutTeam) + ", so no alert will be sent",
            "a team in monitoring.yaml (or an instance's monitoring dict)"));
  }

  private static java.util.Optional<ServiceFiles.InstanceFile> instanceFile(
      ServiceFiles files, InstanceConfig instance) {
    return files.instanceFiles().stream()
        .filter(
            f -> f.kind() == instance.ref().kind() && f.cluster().equals(instance.ref().cluster()))
        .findFirst();
  }

  /** The instance's own dict, as written in its file (nothing inherited). */
  private static Map<?, ?> instanceDict(ServiceFiles files, InstanceConfig instance) {
    return instanceFile(files, instance)
        .<Map<?, ?>>map(
            f ->
                f.file().root() instanceof Map<?, ?> root
                        && root.get(instance.ref().instance()) instanceof Map<?, ?> d
                    ? d
                    : Map.of())
        .orElse(Map.of());
  }

  /** Where the fields of an instance were written (its file, else service.yaml). */
  static FieldLocator locatorFor(ServiceFiles files, InstanceConfig instance) {
    return instanceFile(files, instance)
        .<FieldLocator>map(
            f ->
                new InstanceLocator(
                    f.file(),
                    instance.ref().instance(),
                    instanceDict(files, instance),
                    files.serviceYaml(),
                    files.monitoring()))
        .orElse(path -> Location.of(files.service()));
  }

  /** Reports problems about fields of one instance. */
  private record Check(InstanceConfig instance, FieldLocator locator, Problems problems) {
    void problem(String field, String message, Object value, String expected) {
      problem(List.of(field), message, value, expected);
    }

    void warning(String field, String message, String expected) {
      problems.add(
          Problem.warning(
              locator.locate(List.of(field)),
              instance.ref().instance() + "." + field,
              message,
              expected));
    }

    void problem(List<String> path, String message, Object value, String expected) {
      problems.add(at(path, message, value, expected));
    }

    /** A problem of a tree-policy rule: refused by validate, a warning for the daemon. */
    void policyProblem(String field, String message, Object value, String expected) {
      problems.addTreePolicy(at(List.of(field), message, value, expected));
    }

    private Problem at(List<String> path, String message, Object value, String expected) {
      return Problem.error(
          locator.locate(path),
          instance.ref().instance() + "." + String.join(".", path),
          message,
          value,
          expected);
    }
  }
}

package io.paasta.config.validate;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.schedule.JobSchedule;
import io.paasta.config.soa.FieldLocator;
import io.paasta.config.soa.InstanceLocator;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.model.DeployConfig;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SecretRef;
import io.paasta.model.ServiceInstance;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a JSON Schema cannot express, checked on the loaded domain records. Rules about the
 * tree rather than about what an instance runs (deploy.yaml membership, names of other services'
 * namespaces and jobs) report {@link Problem.Scope#TREE_POLICY tree-policy} problems.
 */
public final class SemanticRules {
  private final TreeIndex tree;
  private final RunLimits limits;

  public SemanticRules(TreeIndex tree, RunLimits limits) {
    this.tree = tree;
    this.limits = limits;
  }

  public List<Problem> check(LoadedService loaded) {
    Problems problems = new Problems();
    ServiceFiles files = loaded.files();
    Optional<List<String>> deployGroups = loaded.service().deploy().map(DeployConfig::deployGroups);
    for (InstanceConfig instance : loaded.service().instances()) {
      Check check = new Check(instance, locatorFor(files, instance), problems);
      if (instance instanceof LongRunningConfig config) {
        checkLongRunning(config, check);
      } else if (instance instanceof JobConfig config) {
        checkJob(config, check);
      }
      checkCommand(check);
      deployGroups.ifPresent(groups -> checkDeployGroup(instance, groups, files, check));
      checkSecrets(instance, files, check);
    }
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
        if (!tree.namespaceExists(namespace)) {
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
              if (JobSchedule.parse(schedule) instanceof JobSchedule.Invalid invalid) {
                check.problem("schedule", invalid.reason(), schedule, invalid.expected());
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
  }

  private static void checkCommand(Check check) {
    Map<String, Object> effective = check.instance.effective();
    if (effective.get("cmd") != null && effective.get("args") != null) {
      check.problem(
          "args", "is set together with cmd", Problem.NO_VALUE, "either cmd or args, not both");
    }
  }

  private static void checkDeployGroup(
      InstanceConfig instance, List<String> groups, ServiceFiles files, Check check) {
    if (!groups.contains(instance.deployGroup())) {
      check.policyProblem(
          "deploy_group",
          "is not a step of " + files.service() + "/deploy.yaml",
          instance.deployGroup(),
          "one of the pipeline's deploy groups: " + String.join(", ", groups));
    }
  }

  private static void checkSecrets(InstanceConfig instance, ServiceFiles files, Check check) {
    instance
        .container()
        .env()
        .forEach(
            (name, value) ->
                SecretRef.parse(value)
                    .filter(ref -> !ref.shared() && !files.hasSecret(ref.name()))
                    .ifPresent(
                        ref ->
                            check.problem(
                                List.of("env", name),
                                "refers to a secret that does not exist",
                                value,
                                "a file " + files.service() + "/secrets/" + ref.name() + ".json")));
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
    String file = loaded.service().name() + "/monitoring.yaml";
    problems.add(
        Problem.warning(
            Location.of(file),
            "team",
            "is not set for " + String.join(", ", withoutTeam) + ", so no alert will be sent",
            "a team in monitoring.yaml (or an instance's monitoring dict)"));
  }

  private static FieldLocator locatorFor(ServiceFiles files, InstanceConfig instance) {
    return files.instanceFiles().stream()
        .filter(
            f -> f.kind() == instance.ref().kind() && f.cluster().equals(instance.ref().cluster()))
        .findFirst()
        .<FieldLocator>map(
            f -> {
              Map<?, ?> dict =
                  f.file().root() instanceof Map<?, ?> root
                          && root.get(instance.ref().instance()) instanceof Map<?, ?> d
                      ? d
                      : Map.of();
              return new InstanceLocator(
                  f.file(),
                  instance.ref().instance(),
                  dict,
                  files.serviceYaml(),
                  files.monitoring());
            })
        .orElse(path -> Location.of(files.service()));
  }

  /** Reports problems about fields of one instance. */
  private record Check(InstanceConfig instance, FieldLocator locator, Problems problems) {
    void problem(String field, String message, Object value, String expected) {
      problem(List.of(field), message, value, expected);
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

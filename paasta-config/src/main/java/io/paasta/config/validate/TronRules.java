package io.paasta.config.validate;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.schedule.TronSchedule;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.Names;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of tron-*.yaml a schema cannot express: schedules that parse and run again, {@code
 * requires} naming actions of the same job, a deploy group for each action that deploy.yaml names,
 * and a team to alert. Tron jobs are validated and listed; running them comes in a later issue.
 */
public final class TronRules {
  private final Clock clock;

  public TronRules(Clock clock) {
    this.clock = clock;
  }

  /**
   * Problems of the service's Tron files.
   *
   * @param deployGroups the deploy groups of deploy.yaml, when it was read
   * @param monitoringTeam whether monitoring.yaml sets a team
   */
  public List<Problem> check(
      ServiceFiles files, Optional<List<String>> deployGroups, boolean monitoringTeam) {
    Problems problems = new Problems();
    for (ServiceFiles.TronFile tron : files.tronFiles()) {
      if (!(tron.file().root() instanceof Map<?, ?> jobs)) {
        continue; // the schema reports it
      }
      jobs.forEach(
          (name, job) -> {
            if (!Names.isTemplate(String.valueOf(name)) && job instanceof Map<?, ?> dict) {
              new Job(tron.file(), String.valueOf(name), dict, problems)
                  .check(deployGroups, monitoringTeam, files.service());
            }
          });
    }
    return problems.list();
  }

  /** One job being checked. */
  private final class Job {
    private final ParsedFile file;
    private final String name;
    private final Map<?, ?> dict;
    private final Problems problems;

    Job(ParsedFile file, String name, Map<?, ?> dict, Problems problems) {
      this.file = file;
      this.name = name;
      this.dict = dict;
      this.problems = problems;
    }

    void check(Optional<List<String>> deployGroups, boolean monitoringTeam, String service) {
      ZoneId zone = zone();
      if (dict.containsKey("schedule")) {
        TronSchedule.check(dict.get("schedule"), ZonedDateTime.now(clock.withZone(zone)))
            .ifPresent(
                invalid ->
                    error(
                        List.of("schedule"),
                        invalid.reason(),
                        dict.get("schedule"),
                        invalid.expected()));
      }
      Map<String, Map<?, ?>> actions = actions();
      actions.forEach(
          (action, config) -> {
            checkRequires(action, config, actions);
            checkDeployGroup(action, config, deployGroups, service);
          });
      boolean jobTeam =
          dict.get("monitoring") instanceof Map<?, ?> monitoring
              && monitoring.get("team") instanceof String;
      if (!jobTeam && !monitoringTeam) {
        error(
            List.of(),
            "has no team to alert",
            Problem.NO_VALUE,
            "monitoring: {team: ...} in the job, or a team in " + service + "/monitoring.yaml");
      }
    }

    private ZoneId zone() {
      if (dict.get("time_zone") instanceof String zone) {
        try {
          return ZoneId.of(zone);
        } catch (DateTimeException e) {
          error(
              List.of("time_zone"),
              "is not a time zone",
              zone,
              "a tz database name such as UTC or America/Los_Angeles");
        }
      }
      return ZoneId.of("UTC");
    }

    /** Actions by name, with the path segment that finds them in the file. */
    private Map<String, Map<?, ?>> actions() {
      Map<String, Map<?, ?>> actions = new LinkedHashMap<>();
      if (dict.get("actions") instanceof Map<?, ?> byName) {
        byName.forEach(
            (action, config) -> {
              if (config instanceof Map<?, ?> c) {
                actions.put(String.valueOf(action), c);
              }
            });
      } else if (dict.get("actions") instanceof List<?> list) {
        for (Object config : list) {
          if (config instanceof Map<?, ?> c && c.get("name") instanceof String action) {
            actions.put(action, c);
          }
        }
      }
      return actions;
    }

    private void checkRequires(String action, Map<?, ?> config, Map<String, Map<?, ?>> actions) {
      if (!(config.get("requires") instanceof List<?> requires)) {
        return;
      }
      for (Object required : requires) {
        if (!actions.containsKey(String.valueOf(required)) || action.equals(required)) {
          error(
              actionPath(action, "requires"),
              action.equals(required)
                  ? "names the action itself"
                  : "names an action that is not in job " + name,
              required,
              "another action of " + name + ": " + String.join(", ", actions.keySet()));
        }
      }
    }

    private void checkDeployGroup(
        String action, Map<?, ?> config, Optional<List<String>> deployGroups, String service) {
      if (config.get("service") instanceof String other && !other.equals(service)) {
        return; // another service's image: its deploy.yaml decides
      }
      Object group = config.containsKey("deploy_group") ? config.get("deploy_group") : null;
      if (group == null) {
        group = dict.get("deploy_group");
      }
      if (!(group instanceof String deployGroup)) {
        error(
            actionPath(action, "deploy_group"),
            "is missing",
            Problem.NO_VALUE,
            "a deploy_group for the action (or for the job) naming the version it runs");
        return;
      }
      deployGroups
          .filter(groups -> !groups.contains(deployGroup))
          .ifPresent(
              groups ->
                  error(
                      config.containsKey("deploy_group")
                          ? actionPath(action, "deploy_group")
                          : List.of("deploy_group"),
                      "is not a step of " + service + "/deploy.yaml",
                      deployGroup,
                      "one of the pipeline's deploy groups: " + String.join(", ", groups)));
    }

    private List<Object> actionPath(String action, String key) {
      List<Object> path = new ArrayList<>();
      path.add("actions");
      if (dict.get("actions") instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof Map<?, ?> c && action.equals(c.get("name"))) {
            path.add(i);
          }
        }
      } else {
        path.add(action);
      }
      path.add(key);
      return path;
    }

    private void error(List<Object> path, String message, Object value, String expected) {
      List<Object> full = new ArrayList<>();
      full.add(name);
      full.addAll(path);
      StringBuilder subject = new StringBuilder(name);
      for (Object segment : path) {
        subject.append(segment instanceof Integer i ? "[" + i + "]" : "." + segment);
      }
      problems.add(
          Problem.error(
              Location.of(file.file(), file.lineOf(full)),
              subject.toString(),
              message,
              value,
              expected));
    }
  }
}

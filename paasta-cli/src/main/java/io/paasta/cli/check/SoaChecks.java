package io.paasta.cli.check;

import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.validate.ServiceReport;
import io.paasta.model.DeployConfig;
import io.paasta.model.InstanceConfig;
import io.paasta.model.PipelineStep;
import io.paasta.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A service's soa-configs against the contract: deploy.yaml with a pipeline naming every instance's
 * deploy group, smartstack.yaml ({@link SmartStackChecks}), monitoring.yaml with a team,
 * service.yaml's git_url, and {@code paasta validate} passing. Pure apart from looking at which
 * files exist.
 */
public final class SoaChecks {
  private SoaChecks() {}

  /**
   * @param report the service's {@code paasta validate} report
   * @param serviceDir the service's soa-configs folder
   */
  public static List<CheckItem> check(LoadedService loaded, ServiceReport report, Path serviceDir) {
    Service service = loaded.service();
    List<CheckItem> items = new ArrayList<>();
    items.add(deployYaml(service, report, serviceDir));
    items.add(deployGroups(service));
    items.add(SmartStackChecks.smartstackYaml(service, report, serviceDir));
    items.add(SmartStackChecks.proxyPorts(service, report));
    items.add(monitoring(service, serviceDir));
    items.add(gitUrl(service));
    items.add(validate(service.name(), report));
    return items;
  }

  static CheckItem deployYaml(Service service, ServiceReport report, Path serviceDir) {
    String file = service.name() + "/deploy.yaml";
    if (!Files.isRegularFile(serviceDir.resolve("deploy.yaml"))) {
      return CheckItem.failed(
          "deploy.yaml",
          "no " + file,
          "add deploy.yaml with a pipeline, e.g. pipeline: [{step: itest}, {step:"
              + " push-to-registry}, {step: <cluster>.everything}]");
    }
    Optional<Problem> problem = firstError(report, file);
    if (problem.isPresent()) {
      return CheckItem.failed(
          "deploy.yaml", file + " is not valid: " + problem.get().format(), fixValidate(service));
    }
    List<PipelineStep> pipeline = service.deploy().map(DeployConfig::pipeline).orElse(List.of());
    if (pipeline.isEmpty()) {
      return CheckItem.failed(
          "deploy.yaml", file + " has no pipeline steps", "list the steps under pipeline:");
    }
    return CheckItem.passed(
        "deploy.yaml",
        file
            + " has a pipeline: "
            + pipeline.stream().map(SoaChecks::step).collect(Collectors.joining(" -> ")));
  }

  static CheckItem deployGroups(Service service) {
    if (service.deploy().isEmpty()) {
      return CheckItem.failed(
          "deploy-groups",
          "no deploy.yaml to find the instances' deploy groups in",
          "add deploy.yaml with a step for each deploy group");
    }
    List<String> groups = service.deploy().get().deployGroups();
    List<String> missing =
        service.instances().stream()
            .filter(i -> !groups.contains(i.deployGroup()))
            .map(SoaChecks::describe)
            .toList();
    if (missing.isEmpty()) {
      return CheckItem.passed(
          "deploy-groups",
          "every instance's deploy group is in "
              + service.name()
              + "/deploy.yaml ("
              + (groups.isEmpty() ? "none" : String.join(", ", groups))
              + ")");
    }
    return CheckItem.failed(
        "deploy-groups",
        "deploy groups not in " + service.name() + "/deploy.yaml: " + String.join(", ", missing),
        "add a pipeline step for each of these deploy groups, or change the instances'"
            + " deploy_group");
  }

  static CheckItem monitoring(Service service, Path serviceDir) {
    String file = service.name() + "/monitoring.yaml";
    String hint = "set team: <your team> in monitoring.yaml, or no alert is ever sent";
    if (!Files.isRegularFile(serviceDir.resolve("monitoring.yaml"))) {
      return CheckItem.warning("monitoring.yaml", "no " + file, hint);
    }
    Object team = service.monitoringFile().get("team");
    if (team instanceof String name && !name.isBlank()) {
      return CheckItem.passed("monitoring.yaml", file + " names the team " + name);
    }
    return CheckItem.warning("monitoring.yaml", file + " names no team", hint);
  }

  static CheckItem gitUrl(Service service) {
    return service
        .config()
        .gitUrl()
        .filter(url -> !url.isBlank())
        .map(
            url -> CheckItem.passed("git_url", service.name() + "/service.yaml has git_url " + url))
        .orElseGet(
            () ->
                CheckItem.failed(
                    "git_url",
                    service.name() + "/service.yaml has no git_url",
                    "set git_url: the service's repository, whose tags drive its deploys"));
  }

  static CheckItem validate(String service, ServiceReport report) {
    List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
    if (errors.isEmpty()) {
      return CheckItem.passed(
          "validate",
          "paasta validate: "
              + report.files()
              + " file(s) valid"
              + (report.warningCount() == 0 ? "" : ", " + report.warningCount() + " warning(s)"));
    }
    return CheckItem.failed(
        "validate",
        "paasta validate: " + errors.size() + " problem(s), the first: " + errors.get(0).format(),
        "run paasta validate -s " + service + " to see each problem with its file and line");
  }

  static Optional<Problem> firstError(ServiceReport report, String file) {
    return report.problems().stream().filter(p -> p.isError() && p.file().equals(file)).findFirst();
  }

  static String fixValidate(Service service) {
    return "fix it (paasta validate -s " + service.name() + " shows every problem and its line)";
  }

  private static String step(PipelineStep step) {
    return step.parallel().isEmpty()
        ? step.step()
        : step.parallel().stream()
            .map(SoaChecks::step)
            .collect(Collectors.joining(" + ", "(", ")"));
  }

  private static String describe(InstanceConfig instance) {
    return instance.deployGroup()
        + " ("
        + instance.ref().instance()
        + " in "
        + instance.ref().cluster()
        + ")";
  }
}

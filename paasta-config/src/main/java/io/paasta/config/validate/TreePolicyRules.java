package io.paasta.config.validate;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.DeployConfig;
import io.paasta.model.InstanceConfig;
import java.util.List;
import java.util.Map;

/**
 * Tree policy: rules about the files around a service's instances, which PaaSTA's validate refuses
 * but which say nothing about how an instance runs: a service without monitoring.yaml, without
 * deploy.yaml, an instance whose deploy group is not a step of deploy.yaml, a service.yaml without
 * {@code external_link}, an empty instance file or smartstack.yaml. {@code paasta validate} reports
 * them as errors; the daemon should only warn about them, so that no running service stops
 * deploying because of them (issue 21).
 */
public final class TreePolicyRules {

  /** Problems of one service's tree policy. */
  public List<Problem> check(LoadedService loaded) {
    Problems problems = new Problems();
    ServiceFiles files = loaded.files();
    String service = files.service();
    files.instanceFiles().forEach(f -> refuseEmpty(f.file(), "instance names", problems));
    files.smartstack().ifPresent(f -> refuseEmpty(f, "namespaces", problems));
    if (files.monitoring().isEmpty()) {
      problems.add(missing(service, "monitoring.yaml", "with at least a team"));
    }
    files
        .serviceYaml()
        .filter(f -> !(f.root() instanceof Map<?, ?> root && root.containsKey("external_link")))
        .ifPresent(
            f ->
                problems.add(
                    Problem.error(
                        Location.of(f.file()),
                        "external_link",
                        "is missing",
                        Problem.NO_VALUE,
                        "a link to more about the service, e.g. external_link: https://wiki/"
                            + service
                            + " (today's service.yaml schema requires it)")));
    loaded
        .service()
        .deploy()
        .map(DeployConfig::deployGroups)
        .ifPresentOrElse(
            groups -> checkDeployGroups(loaded, groups, problems),
            () -> {
              if (files.deploy().isEmpty()) {
                problems.add(
                    missing(
                        service,
                        "deploy.yaml",
                        "whose pipeline names the deploy groups of the instances"));
              }
            });
    return problems.list();
  }

  private static Problem missing(String service, String file, String what) {
    return Problem.error(
        Location.of(service + "/"),
        file,
        "is missing",
        Problem.NO_VALUE,
        "a file " + service + "/" + file + " " + what + " (PaaSTA requires it)");
  }

  /**
   * PaaSTA refuses an empty instance file or smartstack.yaml; the loader only warns (an empty file
   * defines nothing to run), and this error replaces its warning in validate's report.
   */
  private static void refuseEmpty(ParsedFile file, String whatItDefines, Problems problems) {
    if (file.root() == null) {
      problems.add(
          Problem.error(
              Location.of(file.file()),
              "",
              "file is empty",
              Problem.NO_VALUE,
              "a dict of " + whatItDefines + " (PaaSTA refuses an empty file; delete it instead)"));
    }
  }

  private static void checkDeployGroups(
      LoadedService loaded, List<String> groups, Problems problems) {
    ServiceFiles files = loaded.files();
    for (InstanceConfig instance : loaded.service().instances()) {
      if (groups.contains(instance.deployGroup())) {
        continue;
      }
      problems.add(
          Problem.error(
              SemanticRules.locatorFor(files, instance).locate(List.of("deploy_group")),
              instance.ref().instance() + ".deploy_group",
              "is not a step of " + files.service() + "/deploy.yaml",
              instance.deployGroup(),
              "one of the pipeline's deploy groups: " + String.join(", ", groups)));
    }
  }
}

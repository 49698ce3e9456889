package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.cli.output.ProblemJson;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.validate.JobPreview;
import io.paasta.config.validate.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta validate}: every problem of every file, each with its file, line and field. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks soa-configs files against their schemas and the rules between them.",
      "Bounds of the cluster (max_instances_per_instance) come from the system config, if any.",
      "Prints each problem as FILE:LINE: INSTANCE.FIELD: what is wrong (value) - what is expected.",
      "Exits 0 when every file is valid, 1 when any problem is found.",
      "With -v, also lists the keys PaaSTA accepts that this platform does not act on, and the"
          + " next 5 run times of each scheduled job (in its schedule_time_zone, with the UTC"
          + " instant) or the parents it runs after."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Option(
      names = {"-s", "--service"},
      paramLabel = "SERVICE",
      description = "Validate only this service (default: every service of the soa dir).")
  String service;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also list keys (and files) accepted but not used by this platform, and when each job"
              + " runs next.")
  boolean verbose;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    ValidationReport report = ValidateLines.report(loader, service);
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(toJson(report, verbose));
    } else {
      ValidateLines.print(report, verbose, out);
    }
    return report.valid() ? 0 : 1;
  }

  private static Map<String, Object> toJson(ValidationReport report, boolean verbose) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", report.valid());
    json.put("errors", report.errorCount());
    json.put("warnings", report.warningCount());
    json.put("tree_problems", ProblemJson.of(report.treeProblems()));
    List<Map<String, Object>> services =
        report.services().stream()
            .map(
                s -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("service", s.service());
                  entry.put("valid", s.valid());
                  entry.put("files", s.files());
                  entry.put("problems", ProblemJson.of(s.problems()));
                  if (verbose) {
                    entry.put(
                        "accepted_not_used",
                        s.unusedKeys().stream().map(ValidateLines::unusedLine).toList());
                    entry.put("jobs", s.jobs().stream().map(ValidateCommand::jobJson).toList());
                  }
                  return entry;
                })
            .toList();
    json.put("services", services);
    return json;
  }

  private static Map<String, Object> jobJson(JobPreview job) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("job", job.job().toString());
    json.put("cluster", job.cluster());
    json.put("schedule_time_zone", job.zone());
    json.put("next_runs", job.nextRuns().stream().map(Object::toString).toList());
    json.put("parents", job.parents().stream().map(Object::toString).toList());
    json.put("disabled", job.disabled());
    return json;
  }
}

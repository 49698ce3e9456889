package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.cli.output.ProblemJson;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.validate.JobPreview;
import io.paasta.config.validate.RunLimits;
import io.paasta.config.validate.SchemaValidator;
import io.paasta.config.validate.ServiceReport;
import io.paasta.config.validate.SoaValidator;
import io.paasta.config.validate.ValidationReport;
import io.paasta.config.yaml.ConfigFileReader;
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
    SoaValidator validator = new SoaValidator(loader, new SchemaValidator(), clusterLimits());
    ValidationReport report =
        service == null ? validator.validateAll() : validator.validateService(service);
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(toJson(report, verbose));
    } else {
      print(report, verbose, out);
    }
    return report.valid() ? 0 : 1;
  }

  /**
   * The bounds of this host's cluster (max_instances_per_instance) from the system config
   * ($PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta), as the daemon enforces them; the defaults when
   * there is none.
   */
  private static RunLimits clusterLimits() {
    return RunLimits.of(
        new SystemConfigLoader(new ConfigFileReader())
            .load(SystemConfigLoader.defaultDir())
            .merged());
  }

  private static void print(ValidationReport report, boolean verbose, Output out) {
    report.treeProblems().forEach(p -> printProblem(p, out));
    for (ServiceReport service : report.services()) {
      service.problems().forEach(p -> printProblem(p, out));
      if (verbose) {
        service.unusedKeys().forEach(p -> out.line(unusedLine(p)));
        service.jobs().forEach(job -> out.line(job.describe()));
      }
      String name = Output.escape(service.service());
      if (service.valid()) {
        String warnings =
            service.warningCount() == 0 ? "" : ", " + plural(service.warningCount(), "warning");
        out.styled(
            "@|green \u2713|@ "
                + name
                + ": valid ("
                + plural(service.files(), "file")
                + warnings
                + ")");
      } else {
        out.styled(
            "@|red,bold \u2717|@ "
                + name
                + ": "
                + plural(service.errorCount(), "problem")
                + (service.warningCount() == 0
                    ? ""
                    : ", " + plural(service.warningCount(), "warning")));
      }
    }
    long valid = report.services().stream().filter(ServiceReport::valid).count();
    long invalid = report.services().size() - valid;
    String summary =
        plural(report.services().size(), "service")
            + " checked: "
            + valid
            + " valid, "
            + invalid
            + " with problems ("
            + plural(report.errorCount(), "problem")
            + ", "
            + plural(report.warningCount(), "warning")
            + ")";
    out.styled(report.valid() ? "@|green " + summary + "|@" : "@|red,bold " + summary + "|@");
  }

  /** {@code FILE:LINE: KEY: accepted, not used by this platform}: a note, not a problem. */
  private static String unusedLine(Problem note) {
    return note.format().replace(": warning: ", ": ");
  }

  private static void printProblem(Problem problem, Output out) {
    String colour = problem.isError() ? "red" : "yellow";
    out.styled("@|" + colour + " " + Output.escape(problem.format()) + "|@");
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
                        s.unusedKeys().stream().map(ValidateCommand::unusedLine).toList());
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

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

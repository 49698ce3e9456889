package io.paasta.cli.commands;

import io.paasta.cli.output.Lines;
import io.paasta.cli.output.Output;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.validate.RunLimits;
import io.paasta.config.validate.SchemaValidator;
import io.paasta.config.validate.ServiceReport;
import io.paasta.config.validate.SoaValidator;
import io.paasta.config.validate.ValidationReport;
import io.paasta.config.yaml.ConfigFileReader;

/**
 * What {@code paasta validate} checks and prints as text, without picocli: {@link ValidateCommand}
 * and the launcher's quick path ({@code io.paasta.cli.QuickValidate}) share it.
 */
public final class ValidateLines {
  private ValidateLines() {}

  /** Every service of the tree, or the one named (null: all). */
  public static ValidationReport report(SoaConfigsLoader loader, String service) {
    SoaValidator validator = new SoaValidator(loader, new SchemaValidator(), clusterLimits());
    return service == null ? validator.validateAll() : validator.validateService(service);
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

  /** The report's lines: problems, each service's verdict, and the summary. */
  public static void print(ValidationReport report, boolean verbose, Lines out) {
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
  static String unusedLine(Problem note) {
    return note.format().replace(": warning: ", ": ");
  }

  private static void printProblem(Problem problem, Lines out) {
    String colour = problem.isError() ? "red" : "yellow";
    out.styled("@|" + colour + " " + Output.escape(problem.format()) + "|@");
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

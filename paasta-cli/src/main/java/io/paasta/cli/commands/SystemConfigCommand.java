package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.cli.output.ProblemJson;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.system.KubernetesClusters;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.validate.SchemaValidator;
import io.paasta.config.yaml.ConfigFileReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta system-config}: the merged /etc/paasta of this host, checked. */
@Command(
    name = "system-config",
    mixinStandardHelpOptions = true,
    description = {
      "Shows this host's system config: every *.json of the directory merged in file-name order,",
      "checked against its schema. Exits 1 when it has problems."
    })
public final class SystemConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      description =
          "The system config directory (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  Path dir;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    Path directory = dir != null ? dir : SystemConfigLoader.defaultDir();
    SystemConfigLoader.Loaded loaded =
        new SystemConfigLoader(new ConfigFileReader()).load(directory);
    List<Problem> problems = loaded.problems();
    if (!loaded.merged().isEmpty()) {
      problems =
          Problems.mergeByPlace(
              problems,
              new SchemaValidator()
                  .validateSystemConfig(SystemConfigLoader.asDocument(directory, loaded.merged())));
    }
    if (loaded.config().isPresent()) {
      String file = SystemConfigLoader.asDocument(directory, loaded.merged()).file();
      problems =
          Problems.mergeByPlace(
              problems, KubernetesClusters.read(loaded.config().get(), file).problems());
    }
    boolean valid = problems.stream().noneMatch(Problem::isError);
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("directory", directory.toString());
      result.put("valid", valid);
      result.put("config", loaded.merged());
      result.put("problems", ProblemJson.of(problems));
      out.json(result);
    } else {
      out.styled("@|bold System config:|@ " + Output.escape(directory.toString()));
      loaded.merged().forEach((key, value) -> out.line("  " + key + ": " + Output.compact(value)));
      problems.forEach(
          p ->
              out.styled(
                  "@|"
                      + (p.isError() ? "red" : "yellow")
                      + " "
                      + Output.escape(p.format())
                      + "|@"));
      loaded
          .config()
          .filter(c -> valid)
          .ifPresent(c -> out.styled("@|green \u2713 valid: cluster " + c.cluster() + "|@"));
    }
    return valid ? 0 : 1;
  }
}

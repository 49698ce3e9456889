package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.config.soa.SoaConfigsLoader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paasta list}: the services of the soa-configs, as PaaSTA's: {@code -a} every service,
 * {@code -i} every service.instance (Tron jobs as service.job.action).
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the services of the soa-configs; with -i, every service.instance.",
      "As in PaaSTA, -a/--all lists all services (before, -a listed service.instance: use -i)."
    })
public final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Option(
      names = {"-a", "--all"},
      description =
          "All services, even those with no instance in this cluster (every service here, as"
              + " this platform lists every cluster).")
  boolean all;

  @Option(
      names = {"-i", "--print-instances"},
      description = "List service.instance of every cluster (Tron jobs as service.job.action).")
  boolean instances;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    List<String> lines = ListLines.lines(loader, instances);
    Output out = new Output(spec.commandLine());
    if (all && !instances) {
      // the old meaning of -a was -i; say so where scripts do not read it
      spec.commandLine().getErr().println(ListLines.ALL_NOTE);
    }
    if (json.enabled()) {
      out.json(lines);
    } else {
      out.lines(lines);
    }
    return 0;
  }
}

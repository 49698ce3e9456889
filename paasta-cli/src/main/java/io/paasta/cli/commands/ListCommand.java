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
    List<String> services = loader.listServices().services();
    List<String> lines = instances ? instances(loader, services) : services;
    Output out = new Output(spec.commandLine());
    if (all && !instances) {
      // the old meaning of -a was -i; say so where scripts do not read it
      spec.commandLine()
          .getErr()
          .println("note: -a lists every service, as in PaaSTA; for service.instance use -i");
    }
    if (json.enabled()) {
      out.json(lines);
    } else {
      out.lines(lines);
    }
    return 0;
  }

  /** Reads only the instance files' top-level keys, services in parallel. */
  private static List<String> instances(SoaConfigsLoader loader, List<String> services) {
    return services.parallelStream()
        .flatMap(service -> loader.instanceNames(service).stream().map(i -> service + "." + i))
        .sorted()
        .toList();
  }
}

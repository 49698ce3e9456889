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

/** {@code paasta list}: the services of the soa-configs, or with -a every service.instance. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the services of the soa-configs (with -a, every service.instance).")
public final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Option(
      names = {"-a", "--all"},
      description = "List service.instance pairs of every cluster instead of services.")
  boolean all;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    List<String> services = loader.listServices().services();
    List<String> lines = all ? instances(loader, services) : services;
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(lines);
    } else {
      lines.forEach(out::line);
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

package io.paasta.cli.commands;

import io.paasta.config.soa.SoaConfigsLoader;
import java.util.List;

/**
 * What {@code paasta list} prints, without picocli: {@link ListCommand} and the launcher's quick
 * path ({@code io.paasta.cli.QuickList}) share it.
 */
public final class ListLines {
  /** What {@code -a} without {@code -i} says on standard error. */
  public static final String ALL_NOTE =
      "note: -a lists every service, as in PaaSTA; for service.instance use -i";

  private ListLines() {}

  /** The services, or with {@code instances} every service.instance, sorted. */
  public static List<String> lines(SoaConfigsLoader loader, boolean instances) {
    List<String> services = loader.listServices().services();
    return instances ? instances(loader, services) : services;
  }

  /** Reads only the instance files' top-level keys, services in parallel. */
  private static List<String> instances(SoaConfigsLoader loader, List<String> services) {
    return services.parallelStream()
        .flatMap(service -> loader.instanceNames(service).stream().map(i -> service + "." + i))
        .sorted()
        .toList();
  }
}

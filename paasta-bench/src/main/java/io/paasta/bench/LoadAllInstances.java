package io.paasta.bench;

import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark driver: loads every instance config of a soa-configs tree (all services, all clusters)
 * into complete domain records, in one process, and prints how many and how long.
 */
public final class LoadAllInstances {
  private LoadAllInstances() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: LoadAllInstances SOA_DIR");
      System.exit(2);
    }
    long start = System.nanoTime();
    SoaConfigsLoader loader = SoaConfigsLoader.open(Path.of(args[0]));
    List<LoadedService> services =
        loader.listServices().services().parallelStream().map(loader::load).toList();
    long instances = services.stream().mapToLong(s -> s.service().instances().size()).sum();
    long withErrors = services.stream().filter(LoadedService::hasErrors).count();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "loaded %d instance configs of %d services in %d ms (%d services with problems)%n",
        instances, services.size(), millis, withErrors);
  }
}

package io.paasta.bench;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.Service;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark driver: loads every instance config of a soa-configs tree (all services, all clusters)
 * into complete domain records, in one process, and prints how many and how long. It keeps what a
 * daemon would keep: the records, not the parsed files behind them.
 */
public final class LoadAllInstances {
  private LoadAllInstances() {}

  /** One loaded service as kept. */
  private record Kept(Service service, boolean hasErrors) {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: LoadAllInstances SOA_DIR");
      System.exit(2);
    }
    long start = System.nanoTime();
    SoaConfigsLoader loader = SoaConfigsLoader.open(Path.of(args[0]));
    List<Kept> services =
        loader.listServices().services().parallelStream()
            .map(loader::load)
            .map(loaded -> new Kept(loaded.service(), loaded.hasErrors()))
            .toList();
    long instances = services.stream().mapToLong(s -> s.service().instances().size()).sum();
    long withErrors = services.stream().filter(Kept::hasErrors).count();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "loaded %d instance configs of %d services in %d ms in-process (%d services with problems)%n",
        instances, services.size(), millis, withErrors);
  }
}

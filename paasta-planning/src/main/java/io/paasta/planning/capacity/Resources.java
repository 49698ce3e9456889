package io.paasta.planning.capacity;

/**
 * An amount of each resource a task reserves or a host offers, in the units of soa-configs: CPUs,
 * memory in MB, disk in MB.
 */
public record Resources(double cpus, double mem, double disk) {
  public static final Resources ZERO = new Resources(0, 0, 0);

  public Resources plus(Resources other) {
    return new Resources(cpus + other.cpus, mem + other.mem, disk + other.disk);
  }

  public Resources minus(Resources other) {
    return new Resources(cpus - other.cpus, mem - other.mem, disk - other.disk);
  }

  public Resources times(int count) {
    return new Resources(cpus * count, mem * count, disk * count);
  }

  /** The amount of one resource. */
  public double of(Resource resource) {
    return switch (resource) {
      case CPUS -> cpus;
      case MEMORY -> mem;
      case DISK -> disk;
    };
  }
}

package io.paasta.planning.capacity;

/**
 * The resources metastatus weighs: what a task reserves by {@code cpus}, {@code mem}, {@code disk}.
 */
public enum Resource {
  CPUS("CPUs", "cpus"),
  MEMORY("memory", "mem"),
  DISK("disk", "disk");

  private final String label;
  private final String field;

  Resource(String label, String field) {
    this.label = label;
    this.field = field;
  }

  /** As people read it: {@code CPUs}, {@code memory}, {@code disk}. */
  public String label() {
    return label;
  }

  /** Its soa-configs (and JSON) field: {@code cpus}, {@code mem}, {@code disk}. */
  public String field() {
    return field;
  }
}

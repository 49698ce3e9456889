package io.paasta.planning.capacity;

import java.util.Arrays;
import java.util.List;

/**
 * How much of one resource the running tasks reserve against what the hosts offer, and SPEC section
 * 16's rule: a resource with 10 % or less free is CRITICAL.
 *
 * @param used the sum of the running tasks' configured amounts
 * @param total the hosts' capacity
 */
public record ResourceUse(Resource resource, double used, double total) {
  /** At or below this share free, a resource is CRITICAL. */
  public static final double CRITICAL_FREE_SHARE = 0.10;

  /** The use of every resource, in {@link Resource} order. */
  public static List<ResourceUse> of(Resources used, Resources total) {
    return Arrays.stream(Resource.values())
        .map(r -> new ResourceUse(r, used.of(r), total.of(r)))
        .toList();
  }

  /** Used over total in percent; 100 when the hosts offer none of it. */
  public double usedPercent() {
    return total > 0 ? used / total * 100 : 100;
  }

  public double free() {
    return total - used;
  }

  /** 10 % or less of the resource is free (none offered counts as none free). */
  public boolean critical() {
    return total <= 0 || free() <= total * CRITICAL_FREE_SHARE;
  }

  /** Whether any of these is critical. */
  public static boolean anyCritical(List<ResourceUse> uses) {
    return uses.stream().anyMatch(ResourceUse::critical);
  }
}

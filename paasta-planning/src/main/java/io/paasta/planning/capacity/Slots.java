package io.paasta.planning.capacity;

import java.util.Optional;

/**
 * How many more copies of an instance's task fit in what is free, and which resource runs out first
 * (metastatus's "Slots + Limiting Resource").
 *
 * @param count how many more fit ({@link Integer#MAX_VALUE} when the task reserves nothing)
 * @param limiting the resource that allows the fewest; empty when the task reserves nothing
 */
public record Slots(int count, Optional<Resource> limiting) {
  /** The copies of a task reserving {@code perTask} that fit in {@code free} (never negative). */
  public static Slots of(Resources free, Resources perTask) {
    int best = Integer.MAX_VALUE;
    Optional<Resource> limiting = Optional.empty();
    for (Resource resource : Resource.values()) {
      double need = perTask.of(resource);
      if (need <= 0) {
        continue;
      }
      double fits = Math.floor(Math.max(0, free.of(resource)) / need + 1e-9);
      int count = (int) Math.min(Integer.MAX_VALUE - 1, fits);
      if (count < best) {
        best = count;
        limiting = Optional.of(resource);
      }
    }
    return new Slots(best, limiting);
  }
}

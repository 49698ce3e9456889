package io.paasta.config.soa;

import io.paasta.config.problem.Location;
import java.util.List;

/** Finds where a field (a key path) of a config dict was written. */
@FunctionalInterface
public interface FieldLocator {
  Location locate(List<?> path);
}

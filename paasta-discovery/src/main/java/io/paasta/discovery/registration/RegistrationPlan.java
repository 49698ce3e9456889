package io.paasta.discovery.registration;

import java.util.List;
import java.util.Set;

/**
 * The registrations an instance should have right now, and the problems that kept some of them from
 * being planned (a namespace missing from smartstack.yaml, a location the host config lacks). A
 * problem never hides the registrations that could be planned.
 */
public record RegistrationPlan(Set<Registration> registrations, List<String> problems) {
  public RegistrationPlan {
    registrations = Set.copyOf(registrations);
    problems = List.copyOf(problems);
  }
}

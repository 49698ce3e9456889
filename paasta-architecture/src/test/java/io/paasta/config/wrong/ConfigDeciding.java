package io.paasta.config.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: config importing planning. */
public class ConfigDeciding {
  io.paasta.planning.plan.Plan plan;
}

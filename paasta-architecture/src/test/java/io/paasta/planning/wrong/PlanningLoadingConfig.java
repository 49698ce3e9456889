package io.paasta.planning.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: planning importing config. */
public class PlanningLoadingConfig {
  io.paasta.config.ConfigException error;
}

package io.paasta.planning.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: planning doing network I/O. */
public class PlanningCallingOut {
  java.net.http.HttpClient http;
}

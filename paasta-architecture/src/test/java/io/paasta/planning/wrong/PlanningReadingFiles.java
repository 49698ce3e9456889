package io.paasta.planning.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: planning doing file I/O. */
public class PlanningReadingFiles {
  java.nio.file.Path file;
}

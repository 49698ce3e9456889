package io.paasta.server.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: product code using test support. */
public class ServerOnATestClock {
  io.paasta.testing.ManualClock clock;
}

package io.paasta.cli.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: the CLI importing the server. */
public class CliStartingTheServer {
  io.paasta.server.PaastaServer server;
}

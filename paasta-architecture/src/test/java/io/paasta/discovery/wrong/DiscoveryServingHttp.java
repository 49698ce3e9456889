package io.paasta.discovery.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: Jetty outside the server. */
public class DiscoveryServingHttp {
  org.eclipse.jetty.server.Server server;
}

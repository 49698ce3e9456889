package io.paasta.backend.docker.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: Curator outside discovery and the server. */
public class BackendUsingCurator {
  org.apache.curator.framework.CuratorFramework curator;
}

package io.paasta.monitoring.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: docker-java outside its edges. */
public class MonitoringCallingDocker {
  com.github.dockerjava.api.DockerClient docker;
}

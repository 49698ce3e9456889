package io.paasta.cli.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: the CLI using docker-java itself. */
public class CliCallingDocker {
  com.github.dockerjava.api.DockerClient docker;
}

package io.paasta.cli.commands;

import picocli.CommandLine.Option;

/** {@code -u/--git-url} and {@code -l/--deploy-group}: which repository and deploy group. */
public final class DeployTargetOptions {
  @Option(
      names = {"-u", "--git-url"},
      paramLabel = "URL",
      description = "The service's repository (default: service.yaml git_url).")
  String gitUrl;

  @Option(
      names = {"-l", "--deploy-group"},
      paramLabel = "DEPLOY_GROUP",
      required = true,
      description = "The deploy group.")
  String deployGroup;

  public String gitUrl() {
    return gitUrl;
  }

  public String deployGroup() {
    return deployGroup;
  }
}

package io.paasta.cli.commands;

import io.paasta.deploy.git.DeployTagger;
import io.paasta.deploy.git.GitRemoteClient;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How commands reach service repositories: {@code --git-timeout}. */
public final class GitOptions {
  @Option(
      names = "--git-timeout",
      paramLabel = "SECONDS",
      description = "How long a git remote may take to answer (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int timeoutSeconds;

  public GitRemoteClient client() {
    return new GitRemoteClient(
        GitRemoteClient.defaultCacheDir(), Duration.ofSeconds(timeoutSeconds));
  }

  public DeployTagger tagger() {
    return new DeployTagger(client(), Clock.systemUTC());
  }
}

package io.paasta.deploy.git;

import io.paasta.deploy.DeployException;
import io.paasta.model.DesiredState;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Creates the tags that deploy (mark-for-deployment, rollback) and control (start, stop, restart)
 * instances. Two people tagging at the same second never lose a tag: a taken name is retried one
 * second later.
 */
public final class DeployTagger {
  static final int MAX_ATTEMPTS = 30;

  private final GitRemoteClient git;
  private final Clock clock;

  public DeployTagger(GitRemoteClient git, Clock clock) {
    this.git = git;
    this.clock = clock;
  }

  /** Tags {@code sha} as what {@code deployGroup} runs. */
  public PaastaTag.Deploy markForDeployment(String url, String deployGroup, String sha) {
    return create(url, timestamp -> new PaastaTag.Deploy(deployGroup, timestamp, sha));
  }

  /**
   * Sets the desired state of {@code cluster.instance}: a control tag on the sha its deploy group
   * runs. A restart is a new start tag; its timestamp becomes {@code force_bounce}.
   */
  public PaastaTag.Control setDesiredState(
      String url, String clusterInstance, String deployGroup, DesiredState state) {
    TagIndex tags = new TagIndex(git.listTags(url));
    String sha =
        tags.latestDeploy(deployGroup)
            .map(PaastaTag.Deploy::sha)
            .orElseThrow(
                () ->
                    new DeployException(
                        clusterInstance
                            + " is not deployed: its deploy group "
                            + deployGroup
                            + " has no deploy tag - run paasta mark-for-deployment first"));
    return create(url, timestamp -> new PaastaTag.Control(clusterInstance, timestamp, state, sha));
  }

  private <T extends PaastaTag> T create(String url, Function<String, T> tagAt) {
    Instant now = clock.instant();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      T tag = tagAt.apply(TagTimestamp.format(now.plusSeconds(attempt)));
      if (git.pushTag(url, tag.name(), tag.sha()) == GitRemoteClient.TagPush.CREATED) {
        return tag;
      }
    }
    throw new DeployException(
        "could not create a tag in " + url + ": " + MAX_ATTEMPTS + " names in a row were taken");
  }
}

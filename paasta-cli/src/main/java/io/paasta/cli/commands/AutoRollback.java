package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.git.PaastaTag;
import io.paasta.deploy.git.TagIndex;
import java.util.List;
import java.util.Optional;

/**
 * {@code --auto-rollback}: after a deploy that did not finish in time, marks the sha the deploy
 * group ran before for deployment again (no image check: that sha has run already).
 */
final class AutoRollback {
  private final LoadedService loaded;
  private final String url;
  private final String deployGroup;
  private final String commit;
  private final GitOptions gitOptions;
  private final Output out;

  AutoRollback(
      LoadedService loaded,
      String url,
      String deployGroup,
      String commit,
      GitOptions gitOptions,
      Output out) {
    this.loaded = loaded;
    this.url = url;
    this.deployGroup = deployGroup;
    this.commit = commit;
    this.gitOptions = gitOptions;
    this.out = out;
  }

  /**
   * The sha to go back to: the newest one other than {@code commit}, provided the group still runs
   * {@code commit} (a newer deploy since is left alone).
   */
  static Optional<String> previousSha(List<PaastaTag.Deploy> history, String commit) {
    if (history.isEmpty() || !history.get(0).sha().equals(commit)) {
      return Optional.empty();
    }
    return history.stream().map(PaastaTag.Deploy::sha).filter(s -> !s.equals(commit)).findFirst();
  }

  /** Marks the previous sha, or says why it does not; never throws (the wait's error follows). */
  void run() {
    try {
      List<PaastaTag.Deploy> history =
          new TagIndex(gitOptions.client().listTags(url)).deployHistory(deployGroup);
      Optional<String> previous = previousSha(history, commit);
      if (previous.isEmpty()) {
        out.styled("@|yellow " + Output.escape(whyNot(history)) + "|@");
        return;
      }
      DeployMarking.mark(loaded, url, deployGroup, previous.get(), true, gitOptions, out);
      out.styled(
          "@|yellow rolled back deploy group "
              + Output.escape(deployGroup)
              + " to "
              + previous.get()
              + " (auto-rollback)|@");
    } catch (DeployException | UserException e) {
      out.styled("@|red,bold auto-rollback failed:|@ " + Output.escape(e.getMessage()));
    }
  }

  private String whyNot(List<PaastaTag.Deploy> history) {
    if (history.isEmpty() || !history.get(0).sha().equals(commit)) {
      return "not rolling back: deploy group "
          + deployGroup
          + " no longer runs "
          + commit
          + (history.isEmpty() ? "" : " (it runs " + history.get(0).sha() + ")");
    }
    return "cannot roll back: deploy group " + deployGroup + " ran no other sha before " + commit;
  }
}

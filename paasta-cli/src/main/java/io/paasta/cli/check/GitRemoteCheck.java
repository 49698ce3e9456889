package io.paasta.cli.check;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.deploy.git.TagRef;
import java.util.List;
import java.util.Optional;

/** Whether the service's git remote ({@code git_url}) answers, within the client's deadline. */
public final class GitRemoteCheck {
  private final GitRemoteClient git;

  public GitRemoteCheck(GitRemoteClient git) {
    this.git = git;
  }

  public CheckItem check(Optional<String> gitUrl) {
    if (gitUrl.isEmpty() || gitUrl.get().isBlank()) {
      return CheckItem.failed(
          "git-remote",
          "no git_url, so no repository to reach",
          "set git_url in service.yaml first");
    }
    String url = gitUrl.get();
    try {
      List<TagRef> tags = git.listTags(url);
      long deployTags = tags.stream().filter(t -> t.name().endsWith("-deploy")).count();
      return CheckItem.passed(
          "git-remote",
          "the git remote "
              + url
              + " answers ("
              + tags.size()
              + " tag(s), "
              + deployTags
              + " deploy tag(s))");
    } catch (DeployException e) {
      return CheckItem.failed(
          "git-remote",
          e.getMessage(),
          "check git_url and your access to it (git ls-remote " + url + " must work)");
    }
  }
}

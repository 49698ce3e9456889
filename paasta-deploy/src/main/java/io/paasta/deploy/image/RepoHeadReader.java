package io.paasta.deploy.image;

import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commit checked out in a service repository ({@code HEAD}), read with JGit. */
public final class RepoHeadReader {
  private RepoHeadReader() {}

  /**
   * The full sha of HEAD of the git checkout that holds {@code dir}.
   *
   * @throws DeployException when {@code dir} is not in a git checkout or it has no commit
   */
  public static String headSha(Path dir) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      throw new DeployException(
          dir + " is not in a git repository - pass -c SHA, or --repo-dir with the checkout");
    }
    try (Repository repository = builder.build()) {
      ObjectId head = repository.resolve("HEAD");
      if (head == null) {
        throw new DeployException(
            repository.getDirectory() + " has no commit yet - commit first, or pass -c SHA");
      }
      return head.name();
    } catch (IOException e) {
      throw new DeployException(
          "cannot read HEAD of the git repository at " + dir + ": " + e.getMessage(), e);
    }
  }
}

package io.paasta.deploy.git;

import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A local repository holding one commit of one file: what the CLI's start-up training tags with
 * {@code mark-for-deployment} (a folder, so no network is involved). JGit stays in this module
 * (DESIGN.md).
 */
public final class OneCommitRepository {
  private OneCommitRepository() {}

  /** Makes the repository in {@code dir} (branch main) and returns the commit's sha. */
  public static String create(Path dir) {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("README"), "training\n");
      git.add().addFilepattern("README").call();
      PersonIdent who = new PersonIdent("paasta", "paasta@localhost");
      return git.commit()
          .setMessage("training")
          .setAuthor(who)
          .setCommitter(who)
          .setSign(false)
          .call()
          .name();
    } catch (GitAPIException | IOException e) {
      throw new DeployException("cannot make a repository in " + dir + ": " + e.getMessage(), e);
    }
  }
}

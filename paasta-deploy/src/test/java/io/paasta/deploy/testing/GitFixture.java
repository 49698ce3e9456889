package io.paasta.deploy.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.RefSpec;

/** A real bare "remote" repository with commits, built in a temp folder for tests. */
public final class GitFixture implements AutoCloseable {
  private final Path bare;
  private final Git work;
  private int commits;

  public GitFixture(Path dir) throws GitAPIException, IOException {
    this.bare = dir.resolve("remote.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    this.work =
        Git.cloneRepository()
            .setURI(bare.toUri().toString())
            .setDirectory(dir.resolve("work").toFile())
            .call();
  }

  /** The remote as a plain path (PaaSTA's git_url may be one). */
  public String url() {
    return bare.toString();
  }

  /**
   * Copies every file of {@code source} (e.g. an example service) into the work tree, commits and
   * pushes; returns the sha.
   */
  public String commitFilesOf(Path source) throws GitAPIException, IOException {
    Path workTree = work.getRepository().getWorkTree().toPath();
    try (var files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = workTree.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    work.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    RevCommit commit =
        work.commit().setMessage("service files").setAuthor(who).setCommitter(who).call();
    work.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    return commit.name();
  }

  /** The work tree (a checkout of the service). */
  public Path workTree() {
    return work.getRepository().getWorkTree().toPath();
  }

  /** Commits a change and pushes it to the remote; returns the sha. */
  public String commit() throws GitAPIException, IOException {
    commits++;
    Path file = work.getRepository().getWorkTree().toPath().resolve("file.txt");
    Files.writeString(file, "change " + commits + "\n");
    work.add().addFilepattern("file.txt").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    RevCommit commit =
        work.commit().setMessage("change " + commits).setAuthor(who).setCommitter(who).call();
    work.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    return commit.name();
  }

  /** A commit that exists only in the local work tree, never pushed. */
  public String unpushedCommit() throws GitAPIException {
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    return work.commit()
        .setMessage("local only")
        .setAllowEmpty(true)
        .setAuthor(who)
        .setCommitter(who)
        .call()
        .name();
  }

  /** Tag names of the remote. */
  public List<String> tags() throws IOException {
    try (Repository repository = Git.open(bare.toFile()).getRepository()) {
      return repository.getRefDatabase().getRefsByPrefix("refs/tags/").stream()
          .map(ref -> ref.getName().substring("refs/tags/".length()))
          .sorted()
          .toList();
    }
  }

  /** Creates {@code count} lightweight tags named {@code prefix-N} on {@code sha}, in one batch. */
  public void bulkTags(String prefix, int count, String sha) throws IOException {
    try (Repository repository = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repository)) {
      BatchRefUpdate batch = repository.getRefDatabase().newBatchUpdate();
      List<ReceiveCommand> commands = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        commands.add(
            new ReceiveCommand(
                ObjectId.zeroId(), ObjectId.fromString(sha), "refs/tags/" + prefix + "-" + i));
      }
      batch.addCommand(commands);
      batch.execute(walk, org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE);
    }
  }

  @Override
  public void close() {
    work.close();
  }
}

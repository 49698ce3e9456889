package io.paasta.deploy.git;

import io.paasta.deploy.DeployException;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * A service's git repository, reached through JGit on any URL JGit speaks (a path, file://, git://,
 * http(s)://, ssh://). Tags are listed with ls-remote; creating a tag pushes it from a local bare
 * mirror (kept in a cache folder) that holds the commits.
 */
public final class GitRemoteClient {
  /** The default time a remote may take to answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final Path cacheDir;
  private final Duration timeout;

  public GitRemoteClient(Path cacheDir, Duration timeout) {
    this.cacheDir = cacheDir;
    this.timeout = timeout;
  }

  /** $PAASTA_GIT_CACHE, else ~/.cache/paasta/git. */
  public static Path defaultCacheDir() {
    String fromEnv = System.getenv("PAASTA_GIT_CACHE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "paasta", "git");
  }

  /** Every tag of the remote with the commit it points at. */
  public List<TagRef> listTags(String url) {
    try {
      Collection<Ref> refs =
          RemoteDeadline.run(
              timeout,
              url,
              () ->
                  Git.lsRemoteRepository()
                      .setRemote(url)
                      .setTags(true)
                      .setHeads(false)
                      .setTimeout(seconds())
                      .call());
      List<TagRef> tags = new ArrayList<>(refs.size());
      for (Ref ref : refs) {
        ObjectId target =
            ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
        if (target != null && !ref.getName().endsWith("^{}")) {
          tags.add(new TagRef(ref.getName(), target.name()));
        }
      }
      return tags;
    } catch (DeployException e) {
      throw e;
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw unreachable(url, e);
    }
  }

  /** What a push of a new tag did. */
  public enum TagPush {
    CREATED,
    /** A tag of that name exists, or is being created, by someone else at the same second. */
    NAME_TAKEN
  }

  /**
   * Creates {@code refs/tags/<name>} on {@code sha} in the remote, never moving an existing tag.
   * Fails when the remote lacks the commit.
   */
  public TagPush pushTag(String url, String name, String sha) {
    return withMirror(
        url,
        git -> {
          requireCommit(git, url, sha);
          // expected old value "none": the push creates the tag or fails, it never moves one
          // (JGit alone would move a tag when the new commit descends from the old one)
          RemoteRefUpdate create =
              new RemoteRefUpdate(
                  git.getRepository(),
                  sha,
                  PaastaTag.TAG_PREFIX + name,
                  false,
                  null,
                  ObjectId.zeroId());
          List<PushResult> results = new ArrayList<>();
          try (Transport transport = Transport.open(git.getRepository(), new URIish(url))) {
            transport.setTimeout(seconds());
            results.add(transport.push(NullProgressMonitor.INSTANCE, List.of(create)));
          } catch (java.net.URISyntaxException e) {
            throw new DeployException("'" + url + "' is not a git URL: " + e.getMessage());
          }
          for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
              switch (update.getStatus()) {
                case OK, UP_TO_DATE -> {
                  return TagPush.CREATED;
                }
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                  return TagPush.NAME_TAKEN;
                }
                case REJECTED_OTHER_REASON -> {
                  String message = String.valueOf(update.getMessage());
                  // taken, or being taken right now by someone else ("failed to lock")
                  if (message.contains("exists")
                      || message.contains("already")
                      || message.contains("lock")) {
                    return TagPush.NAME_TAKEN;
                  }
                  throw new DeployException(
                      "the remote " + url + " refused the tag " + name + ": " + message);
                }
                default ->
                    throw new DeployException(
                        "the remote "
                            + url
                            + " refused the tag "
                            + name
                            + ": "
                            + update.getStatus());
              }
            }
          }
          throw new DeployException("the remote " + url + " did not report on the tag " + name);
        });
  }

  /** Whether the remote has the commit (after fetching its branches and tags). */
  public boolean hasCommit(String url, String sha) {
    return withMirror(url, git -> ensureCommit(git, url, sha));
  }

  private interface MirrorWork<T> {
    T run(Git git) throws GitAPIException, IOException;
  }

  /** Runs {@code work} on the local mirror of {@code url}, holding the mirror's lock. */
  private <T> T withMirror(String url, MirrorWork<T> work) {
    Path mirror = cacheDir.resolve(key(url) + ".git");
    try {
      Files.createDirectories(cacheDir);
      try (FileChannel lockFile =
              FileChannel.open(
                  cacheDir.resolve(key(url) + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock();
          Repository repository = openMirror(mirror);
          Git git = new Git(repository)) {
        return work.run(git);
      }
    } catch (DeployException e) {
      throw e;
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw unreachable(url, e);
    }
  }

  /**
   * Whether the commit is in the remote: in the mirror already, else after fetching branches, else
   * after fetching tags too (fetching thousands of tags is what costs, so it comes last).
   */
  private boolean ensureCommit(Git git, String url, String sha)
      throws GitAPIException, IOException {
    if (isCommit(git.getRepository(), sha)) {
      return true;
    }
    RemoteDeadline.run(timeout, url, () -> fetch(git, url, "+refs/heads/*:refs/heads/*"));
    if (isCommit(git.getRepository(), sha)) {
      return true;
    }
    RemoteDeadline.run(timeout, url, () -> fetch(git, url, "+refs/tags/*:refs/tags/*"));
    return isCommit(git.getRepository(), sha);
  }

  private Object fetch(Git git, String url, String refSpec) throws GitAPIException {
    return git.fetch()
        .setRemote(url)
        .setRefSpecs(new RefSpec(refSpec))
        .setTagOpt(TagOpt.NO_TAGS)
        .setTimeout(seconds())
        .call();
  }

  private static Repository openMirror(Path mirror) throws IOException {
    File dir = mirror.toFile();
    Repository repository = new FileRepositoryBuilder().setGitDir(dir).setBare().build();
    if (!Files.exists(mirror.resolve("config"))) {
      repository.create(true);
    }
    return repository;
  }

  private void requireCommit(Git git, String url, String sha) throws GitAPIException, IOException {
    if (!ensureCommit(git, url, sha)) {
      throw new DeployException(
          "commit "
              + sha
              + " is not in "
              + url
              + " (no branch or tag reaches it) - push it first, or check the sha");
    }
  }

  private static boolean isCommit(Repository repository, String sha) throws IOException {
    ObjectId id;
    try {
      id = ObjectId.fromString(sha);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      walk.parseCommit(id);
      return true;
    } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return false;
    }
  }

  private DeployException unreachable(String url, Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return new DeployException(
        "cannot reach the git repository "
            + url
            + " ("
            + firstLine(reason)
            + ") - check the URL (service.yaml git_url or -u) and that the repository answers"
            + " within "
            + timeout.toSeconds()
            + " s",
        e);
  }

  private int seconds() {
    return (int) Math.max(1, timeout.toSeconds());
  }

  private static String key(String url) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}

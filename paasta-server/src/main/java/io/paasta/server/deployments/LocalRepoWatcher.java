package io.paasta.server.deployments;

import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Learns of new tags in repositories on this machine (a git_url that is a path or file:// URL) the
 * moment they are written, by watching their {@code refs/tags} folder and {@code packed-refs}, so
 * that a deploy does not wait for the next poll. Remote repositories are still polled.
 */
public final class LocalRepoWatcher implements AutoCloseable {
  private final WatchService watcher;
  private final Consumer<String> onTagsChanged;
  private final Map<WatchKey, String> serviceOfKey = new ConcurrentHashMap<>();
  private final Map<String, Path> watched = new ConcurrentHashMap<>();
  private final Thread thread;

  public LocalRepoWatcher(Consumer<String> onTagsChanged) throws IOException {
    this.watcher = FileSystems.getDefault().newWatchService();
    this.onTagsChanged = onTagsChanged;
    this.thread = new Thread(this::run, "local-repo-watcher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Watches the repository of {@code service} when it is on this machine; once per repository. */
  public void watch(String service, String gitUrl) {
    Optional<Path> repo = localRepository(gitUrl);
    if (repo.isEmpty() || repo.get().equals(watched.get(service))) {
      return;
    }
    try {
      for (Path dir : new Path[] {repo.get(), repo.get().resolve("refs").resolve("tags")}) {
        if (Files.isDirectory(dir)) {
          WatchKey key =
              dir.register(
                  watcher,
                  StandardWatchEventKinds.ENTRY_CREATE,
                  StandardWatchEventKinds.ENTRY_MODIFY,
                  StandardWatchEventKinds.ENTRY_DELETE);
          serviceOfKey.put(key, service);
        }
      }
      watched.put(service, repo.get());
    } catch (IOException e) {
      // not watchable: the poll still finds its tags
    }
  }

  /** The bare or non-bare repository folder of a path or file:// URL, if it exists here. */
  static Optional<Path> localRepository(String gitUrl) {
    Path path;
    if (gitUrl.startsWith("file://")) {
      path = Path.of(URI.create(gitUrl));
    } else if (gitUrl.startsWith("/")) {
      path = Path.of(gitUrl);
    } else {
      return Optional.empty();
    }
    if (Files.isDirectory(path.resolve(".git"))) {
      path = path.resolve(".git");
    }
    return Files.isDirectory(path.resolve("refs")) ? Optional.of(path) : Optional.empty();
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
        if (key == null) {
          continue;
        }
        String service = serviceOfKey.get(key);
        boolean tagsChanged =
            key.pollEvents().stream()
                .map(e -> String.valueOf(e.context()))
                .anyMatch(name -> !name.endsWith(".lock") && !name.startsWith("."));
        key.reset();
        if (service != null && tagsChanged) {
          onTagsChanged.accept(service);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}

package io.paasta.server.loop;

import io.paasta.model.SecretRef;
import io.paasta.server.desired.FileSettle;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Watches the soa-configs directory and each service folder, and tells which file of which service
 * changed and how: written in place, placed (renamed or created into place) or removed;
 * deployments.json included. New service folders are watched as they appear. The {@code secrets/}
 * folders are watched too (each service's, and {@code _shared/secrets/}), so that a rotated secret
 * is acted on at once: a change there is told as a change of its service, and one in {@code
 * _shared/secrets/} as "anything may have changed" (any service may use a shared secret). Runs on
 * its own thread until closed.
 */
public final class SoaDirWatcher implements AutoCloseable {
  /**
   * Told of each change; {@code file} is empty when a whole service (or, for "", anything) may have
   * changed.
   */
  public interface Listener {
    void changed(String service, String file, FileSettle.Change change);
  }

  private final Path root;
  private final Listener onServiceChanged;
  private final WatchService watcher;
  private final Map<WatchKey, Folder> folderOfKey = new HashMap<>();
  private final Thread thread;

  public SoaDirWatcher(Path root, Listener onServiceChanged) throws IOException {
    this.root = root;
    this.onServiceChanged = onServiceChanged;
    this.watcher = FileSystems.getDefault().newWatchService();
    register(root, "");
    try (var entries = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : entries) {
        register(dir, dir.getFileName().toString());
      }
    }
    this.thread = new Thread(this::run, "soa-dir-watcher");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** A watched folder: the root (service ""), a service's, or a {@code secrets/} folder of one. */
  private record Folder(String service, boolean secrets) {}

  private static final String SECRETS = "secrets";

  /** Watches a folder of the root (and its {@code secrets/} folder); the root itself for "". */
  private void register(Path dir, String service) throws IOException {
    watch(dir, new Folder(service, false));
    Path secrets = dir.resolve(SECRETS);
    if (!service.isEmpty() && Files.isDirectory(secrets)) {
      watch(secrets, new Folder(service, true));
    }
  }

  private void watch(Path dir, Folder folder) throws IOException {
    WatchKey key =
        dir.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    folderOfKey.put(key, folder);
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
        if (key == null) {
          continue;
        }
        Folder folder = folderOfKey.getOrDefault(key, new Folder("", false));
        for (WatchEvent<?> event : key.pollEvents()) {
          if (folder.secrets()) {
            secretChanged(folder.service(), event);
          } else {
            handle(folder.service(), event);
          }
        }
        if (!key.reset()) {
          folderOfKey.remove(key);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private void handle(String service, WatchEvent<?> event) {
    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
      onServiceChanged.changed(service, "", FileSettle.Change.WRITTEN);
      return;
    }
    Path name = (Path) event.context();
    if (service.isEmpty()) {
      Path dir = root.resolve(name);
      if (Files.isDirectory(dir)) {
        try {
          register(dir, name.toString());
        } catch (IOException e) {
          // reported by the next pass's load of that service
        }
      }
      onServiceChanged.changed(name.toString(), "", FileSettle.Change.PLACED);
    } else if (!name.toString().startsWith(".")) {
      if (name.toString().equals(SECRETS) && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
        watchNewSecrets(service);
      }
      onServiceChanged.changed(service, name.toString(), changeOf(event));
    }
  }

  /**
   * A file of a {@code secrets/} folder changed (temporary files, hidden, are not told): a change
   * of its service, or of any service for {@code _shared}.
   */
  private void secretChanged(String service, WatchEvent<?> event) {
    if (event.kind() != StandardWatchEventKinds.OVERFLOW
        && event.context().toString().startsWith(".")) {
      return;
    }
    onServiceChanged.changed(
        service.equals(SecretRef.SHARED_SERVICE) ? "" : service, "", FileSettle.Change.PLACED);
  }

  /** The first secret of a service made its {@code secrets/} folder: watched from now on. */
  private void watchNewSecrets(String service) {
    Path secrets = root.resolve(service).resolve(SECRETS);
    if (Files.isDirectory(secrets) && !folderOfKey.containsValue(new Folder(service, true))) {
      try {
        watch(secrets, new Folder(service, true));
      } catch (IOException e) {
        // seen by the next full pass instead
      }
    }
  }

  private static FileSettle.Change changeOf(WatchEvent<?> event) {
    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
      return FileSettle.Change.PLACED; // inotify's moved_to or create: a write would follow
    }
    return event.kind() == StandardWatchEventKinds.ENTRY_DELETE
        ? FileSettle.Change.REMOVED
        : FileSettle.Change.WRITTEN;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}

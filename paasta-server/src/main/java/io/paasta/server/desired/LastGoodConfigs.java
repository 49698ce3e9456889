package io.paasta.server.desired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of each service's last good load, kept in the daemon's state directory ({@code
 * <state>/last-good-configs/<service>/}, a soa-configs tree of its own) so that a daemon restarted
 * while a service's files are broken acts on the service as it did before the restart: its tasks
 * stay managed and its namespaces routed, instead of the service being unknown until its files are
 * fixed. A service's copy is replaced whole (written aside, then renamed into place) and removed
 * when the copy fails, so that it is never older than the last good load; what it holds is
 * validated again before it is used. Its changes run one at a time: a scan's clean-up never removes
 * a copy being written aside by a reload on another thread.
 */
public final class LastGoodConfigs {
  /** The folder under the state directory. */
  public static final String FOLDER = "last-good-configs";

  private final Optional<Path> root;
  private final boolean writable;

  private LastGoodConfigs(Optional<Path> root, boolean writable) {
    this.root = root;
    this.writable = writable;
  }

  /** Kept under {@code stateDir}; the folder is made now. */
  public static LastGoodConfigs in(Path stateDir) {
    Path root = stateDir.resolve(FOLDER);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + root + ": " + e.getMessage(), e);
    }
    return new LastGoodConfigs(Optional.of(root), true);
  }

  /**
   * The copies a daemon keeps under {@code stateDir}, read but never written or removed ({@code
   * paasta plan}: it plans from what the daemon would use, and changes nothing).
   */
  public static LastGoodConfigs readOnly(Path stateDir) {
    Path root = stateDir.resolve(FOLDER);
    return new LastGoodConfigs(
        Files.isDirectory(root) ? Optional.of(root) : Optional.empty(), false);
  }

  /** Nothing kept (a daemon without a state directory): a restart forgets the last good loads. */
  public static final LastGoodConfigs NONE = new LastGoodConfigs(Optional.empty(), false);

  /** The tree of the kept copies, to load services from; empty when nothing is kept. */
  public Optional<Path> root() {
    return root;
  }

  /**
   * Keeps the files of {@code serviceDir} (regular files, not hidden ones) as the service's last
   * good copy; nothing is written when the copy is the same.
   *
   * @throws IOException when the copy cannot be made (the old copy is removed then)
   */
  public synchronized void save(String service, Path serviceDir) throws IOException {
    if (root.isEmpty() || !writable) {
      return;
    }
    Path target = root.get().resolve(service);
    try {
      Map<String, byte[]> files = read(serviceDir);
      if (Files.isDirectory(target) && sameFiles(read(target), files)) {
        return;
      }
      Path aside = Files.createTempDirectory(root.get(), "." + service + ".");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(aside.resolve(file.getKey()), file.getValue());
      }
      delete(target);
      Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      forget(service);
      throw e;
    }
  }

  /** Removes the copy of a service that soa-configs no longer has. */
  public synchronized void forget(String service) {
    if (writable) {
      root.ifPresent(r -> delete(r.resolve(service)));
    }
  }

  /** Removes the copies of services that are not in {@code services} (and any left aside). */
  public synchronized void retainOnly(Collection<String> services) {
    if (root.isEmpty() || !writable) {
      return;
    }
    Set<String> keep = new HashSet<>(services);
    try (Stream<Path> entries = Files.list(root.get())) {
      entries
          .filter(entry -> !keep.contains(entry.getFileName().toString()))
          .forEach(LastGoodConfigs::delete);
    } catch (IOException e) {
      // an unreadable folder: nothing is removed; loads validate what they read from it
    }
  }

  private static Map<String, byte[]> read(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(entry)) {
          files.put(name, Files.readAllBytes(entry));
        }
      }
    }
    return files;
  }

  private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.keySet().equals(b.keySet())
        && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  private static void delete(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
    }
  }
}

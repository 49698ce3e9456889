package io.paasta.config.soa;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.model.Names;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The soa-configs directory: one folder per service. Listing it reads folder names only; no file is
 * parsed until a service is loaded.
 */
public final class SoaDir {
  public static final String DEFAULT_PATH = "/nail/etc/services";
  public static final String PATH_ENV = "PAASTA_SOA_DIR";

  private final Path root;

  /** The root with every symlink resolved: what a file must be inside of to be read. */
  private final Path realRoot;

  private SoaDir(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /** Opens a soa-configs directory, failing with a clear message when it is not one. */
  public static SoaDir open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new ConfigException(
          "soa-configs directory "
              + root
              + (Files.exists(root) ? " is not a directory" : " does not exist")
              + " - expected a directory with one folder per service (set it with -y/--soa-dir or "
              + PATH_ENV
              + ")");
    }
    try {
      return new SoaDir(root, root.toRealPath());
    } catch (IOException e) {
      throw new ConfigException("cannot read soa-configs directory " + root + ": " + e);
    }
  }

  /** The directory given by -y, else $PAASTA_SOA_DIR, else /nail/etc/services. */
  public static Path defaultPath() {
    String fromEnv = System.getenv(PATH_ENV);
    return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_PATH : fromEnv);
  }

  public Path root() {
    return root;
  }

  /** The root with every symlink resolved. */
  public Path realRoot() {
    return realRoot;
  }

  /** The folder of a service; refuses names that are not service names (no "..", no spaces). */
  public Path serviceDir(String service) {
    if (!Names.isValidName(service)) {
      throw new ConfigException(
          "'" + service + "' is not a valid service name - expected " + Names.NAME_RULE);
    }
    Path dir = root.resolve(service);
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          "unknown service '" + service + "': there is no folder " + dir + " in the soa-configs");
    }
    Inside inside = inside(dir, service);
    if (inside instanceof Outside outside) {
      throw new ConfigException(outside.problem().format());
    }
    return dir;
  }

  /** Where an entry of the tree leads once its symlinks are followed. */
  public sealed interface Inside permits Contained, Outside {}

  /** The entry is inside the soa-configs directory: read it at {@code realPath}. */
  public record Contained(Path realPath) implements Inside {}

  /** The entry leads out of the soa-configs directory (or cannot be resolved): never read. */
  public record Outside(Problem problem) implements Inside {}

  /**
   * Whether {@code path} (a file or folder of the tree, named {@code name} in problems) is inside
   * the soa-configs directory once symlinks are followed. soa-configs are read only there: a
   * symlink that leads elsewhere is refused with a problem naming the link, never what it leads to
   * nor its content. A path that cannot be resolved (missing, a dangling link, a loop) cannot be
   * read either: it is left to the reader, which reports it.
   */
  public Inside inside(Path path, String name) {
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      // missing, a dangling link or a loop: opening it fails the same way, and reading reports it
      return new Contained(path);
    }
    if (real.startsWith(realRoot)) {
      return new Contained(real);
    }
    return new Outside(
        Problem.error(
            Location.of(name),
            "",
            "is a symlink that leads out of the soa-configs directory, so it is not read",
            Problem.NO_VALUE,
            "a file inside the soa-configs directory (soa-configs are read only there)"));
  }

  /**
   * {@link #inside} for an entry of a folder whose real path is {@code realDir} (null when
   * unknown): a regular file that is not a link is there under its own name, found from its
   * attributes alone instead of resolving each part of its path (one system call instead of one per
   * part); anything else is resolved by {@link #inside}.
   */
  public Inside insideEntry(Path entry, Path realDir, String name) {
    if (realDir != null && realDir.startsWith(realRoot)) {
      try {
        if (Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .isRegularFile()) {
          return new Contained(realDir.resolve(entry.getFileName()));
        }
      } catch (IOException e) {
        // gone or unreadable: resolving it says how
      }
    }
    return inside(entry, name);
  }

  /** The real path of a folder of the tree; null when it cannot be resolved. */
  public static Path realPathOrNull(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  public boolean hasService(String service) {
    return Names.isValidName(service) && Files.isDirectory(root.resolve(service));
  }

  /** Service names and the folder entries that could not be services. */
  public record Listing(List<String> services, List<Problem> problems) {}

  /**
   * Lists the service folders, sorted. Hidden folders and those starting with '_' (such as {@code
   * _shared}) are skipped silently; other folders whose names are not service names are reported.
   */
  public Listing list() {
    List<String> services = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (FileSystemException e) {
          problems.add(
              Problem.warning(
                  Location.of(name),
                  "",
                  "cannot be read (" + reason(e) + "), ignored",
                  "a service folder"));
          continue;
        }
        if (!attributes.isDirectory()) {
          continue;
        }
        if (Names.isValidName(name)) {
          services.add(name);
        } else {
          problems.add(
              Problem.error(
                  Location.of(name),
                  "",
                  "folder name is not a valid service name",
                  name,
                  "a service name of " + Names.NAME_RULE));
        }
      }
    } catch (IOException e) {
      throw new ConfigException(
          "cannot list soa-configs directory " + root + ": " + e.getMessage());
    }
    services.sort(null);
    problems.sort((a, b) -> a.file().compareTo(b.file()));
    return new Listing(List.copyOf(services), List.copyOf(problems));
  }

  static String reason(FileSystemException e) {
    return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
  }
}

package io.paasta.config.logs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a {@code path_format} ({@code {service}}, {@code {component}}, {@code {level}},
 * {@code {cluster}}, {@code {instance}}): where a line goes, and which files hold a service's
 * lines. A rotated file is the current one with {@code .1} (newest) to {@code .N} appended.
 */
public final class LogPaths {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(service|component|level|cluster|instance)\\}");

  private final String pathFormat;

  private final boolean serviceOnly;

  /** The file of each service, when the format names only the service (a few hundred at most). */
  private final Map<String, Path> byService = new ConcurrentHashMap<>();

  public LogPaths(String pathFormat) {
    this.pathFormat = pathFormat;
    this.serviceOnly = !PLACEHOLDER.matcher(pathFormat.replace("{service}", "")).find();
  }

  /** The file {@code line} is appended to. */
  public Path pathOf(LogLine line) {
    if (serviceOnly) {
      Path path = byService.get(line.service());
      if (path == null) {
        if (byService.size() >= 1024) {
          byService.clear();
        }
        path = Path.of(pathFormat.replace("{service}", safe(line.service())));
        byService.put(line.service(), path);
      }
      return path;
    }
    Map<String, String> values =
        Map.of(
            "service", line.service(),
            "component", line.component(),
            "level", line.level(),
            "cluster", line.cluster(),
            "instance", line.instance());
    Matcher m = PLACEHOLDER.matcher(pathFormat);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(safe(values.get(m.group(1)))));
    }
    m.appendTail(out);
    return Path.of(out.toString());
  }

  /** A placeholder's value as one file name part ({@code N/A} becomes {@code N_A}). */
  static String safe(String value) {
    String cleaned = value.replace('/', '_').replace('\u0000', '_');
    return cleaned.equals("..") || cleaned.equals(".") ? "_" : cleaned;
  }

  /**
   * Each current file that may hold lines of {@code service} (one per value of the other
   * placeholders), with its rotated files: oldest first, the current file last. None when nothing
   * was written yet.
   */
  public List<List<Path>> filesOf(String service) throws IOException {
    String withService = pathFormat.replace("{service}", safe(service));
    List<List<Path>> streams = new ArrayList<>();
    for (Path current : currentFiles(withService)) {
      streams.add(withRotated(current));
    }
    return streams;
  }

  private static List<Path> currentFiles(String format) throws IOException {
    if (!PLACEHOLDER.matcher(format).find()) {
      Path file = Path.of(format);
      return Files.exists(file) || Files.exists(rotated(file, 1)) ? List.of(file) : List.of();
    }
    Path pattern = Path.of(format);
    Path fixed = pattern.getRoot() == null ? Path.of("") : pattern.getRoot();
    int depth = 0;
    boolean inFixed = true;
    for (Path part : pattern) {
      if (inFixed && !PLACEHOLDER.matcher(part.toString()).find()) {
        fixed = fixed.resolve(part);
      } else {
        inFixed = false;
        depth++;
      }
    }
    if (!Files.isDirectory(fixed)) {
      return List.of();
    }
    String glob =
        PLACEHOLDER.matcher(format.replace("*", "\\*").replace("?", "\\?")).replaceAll("*");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    PathMatcher rotatedMatcher = FileSystems.getDefault().getPathMatcher("glob:" + glob + ".*");
    Map<String, Path> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(fixed, depth)) {
      walk.forEach(
          p -> {
            if (matcher.matches(p)) {
              found.put(p.toString(), p);
            } else if (rotatedMatcher.matches(p) && p.toString().matches(".*\\.\\d+$")) {
              String current = p.toString().replaceFirst("\\.\\d+$", "");
              found.putIfAbsent(current, Path.of(current));
            }
          });
    }
    return List.copyOf(found.values());
  }

  /** {@code file}'s rotated files that exist, oldest first, then {@code file} itself. */
  static List<Path> withRotated(Path file) {
    List<Path> files = new ArrayList<>();
    for (int i = 1; Files.exists(rotated(file, i)); i++) {
      files.add(0, rotated(file, i));
    }
    files.add(file);
    return files;
  }

  static Path rotated(Path file, int generation) {
    return file.resolveSibling(file.getFileName() + "." + generation);
  }
}

package io.paasta.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads YAML and JSON config files safely: bounded file size, bounded alias expansion (no "billion
 * laughs"), no arbitrary types, and every failure turned into a {@link Problem} naming the file,
 * line and column.
 */
public final class ConfigFileReader {
  /** Larger files are refused before they are read; real soa-configs files are a few KiB. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** Aliases allowed in one file: enough for templates used by hundreds of instances. */
  static final int MAX_ALIASES = 1000;

  /** Values a file may expand to once aliases are followed. */
  static final long MAX_EXPANDED_VALUES = 2_000_000;

  /**
   * Made on first use: reading YAML alone never starts Jackson, and JSON starts it only when {@link
   * PlainJson} cannot read a file.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * SnakeYAML logs duplicate keys through java.util.logging, under the constructor's class name; we
   * report them as problems instead. Held here because java.util.logging keeps loggers only weakly.
   * Made before SnakeYAML's first read: listing top-level keys and files {@link PlainYaml} reads
   * never start java.util.logging (its LogManager reads the JDK's logging.properties) nor
   * SnakeYAML's constructor.
   */
  private static final class SnakeYamlLog {
    static final java.util.logging.Logger QUIET = quiet(LocatingConstructor.class.getName());

    /** Does nothing, but makes QUIET on the first call (class initialisation). */
    static void ensureQuiet() {}

    private static java.util.logging.Logger quiet(String name) {
      java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
      logger.setLevel(java.util.logging.Level.SEVERE);
      return logger;
    }
  }

  /** The outcome of reading one file: a parsed document, or the problem that stopped it. */
  public sealed interface Result permits Parsed, Failed {}

  public record Parsed(ParsedFile file) implements Result {}

  public record Failed(Problem problem) implements Result {}

  /**
   * Reads a YAML file.
   *
   * @param path the file on disk
   * @param name how problems name it (relative to the soa-configs directory)
   */
  public Result readYaml(Path path, String name) {
    Result sizeProblem = checkReadable(path, name);
    if (sizeProblem != null) {
      return sizeProblem;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      return ioFailure(path, name, e);
    }
    YamlDocument document;
    Optional<YamlDocument> plain = PlainYaml.read(bytes);
    if (plain.isPresent()) {
      document = plain.get();
    } else {
      try {
        document = readWithSnakeYaml(bytes);
      } catch (MarkedYAMLException e) {
        return failed(name, e.getProblemMark(), "is not valid YAML: " + firstLine(e.getProblem()));
      } catch (ReaderException e) {
        return notText(
            name,
            BinaryLocator.ofCodePoint(path, e.getPosition()),
            String.format(
                "holds the character U+%04X, which YAML does not allow", e.getCodePoint()));
      } catch (YAMLException e) {
        if (e.getCause() instanceof CharacterCodingException) {
          return notText(name, BinaryLocator.ofMalformedByte(path), "is not UTF-8 text");
        }
        return failed(name, null, "could not be read as YAML: " + describe(e));
      }
    }
    Object root = document.root();
    long expanded = expandedSize(root, new IdentityHashMap<>());
    if (expanded == RECURSIVE) {
      return failed(name, null, "has a value that contains itself through a YAML alias");
    }
    if (expanded > MAX_EXPANDED_VALUES) {
      return failed(
          name,
          null,
          "expands to more than " + MAX_EXPANDED_VALUES + " values through YAML aliases");
    }
    List<Problem> warnings =
        document.duplicates().stream()
            .map(
                d ->
                    Problem.warning(
                        Location.of(name, d.line()),
                        d.key(),
                        "is written twice in the same dict; the last one wins",
                        "each key once"))
            .toList();
    return new Parsed(new ParsedFile(name, root, new Locator(root, document.written()), warnings));
  }

  /**
   * The document SnakeYAML makes of a file's bytes (any YAML {@link PlainYaml} leaves to it);
   * throws what SnakeYAML throws.
   */
  static YamlDocument readWithSnakeYaml(byte[] bytes) {
    SnakeYamlLog.ensureQuiet();
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(true); // PyYAML's behaviour: the last one wins
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    LocatingConstructor constructor = new LocatingConstructor(options);
    Yaml yaml =
        new Yaml(
            constructor,
            new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
            new org.yaml.snakeyaml.DumperOptions(),
            options);
    Object root = yaml.load(new UnicodeReader(new ByteArrayInputStream(bytes)));
    return constructor.takeDocument(root);
  }

  /**
   * The keys of a YAML file's top-level dict, each with whether its value is a dict (what an
   * instance list needs): from its lines alone when it is in {@link BlockTopLevelKeys}' subset of
   * YAML, else from the parser's events when the file is plain, else from a full read. Empty when
   * the file cannot be read or its root is not a dict.
   */
  public Map<String, Boolean> readTopLevelKeys(Path path, String name) {
    if (checkReadable(path, name) != null) {
      return Map.of();
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      Optional<Map<String, Boolean>> keys =
          BlockTopLevelKeys.read(bytes)
              .or(() -> TopLevelKeys.read(new UnicodeReader(new ByteArrayInputStream(bytes))));
      if (keys.isPresent()) {
        return keys.get();
      }
    } catch (IOException e) {
      return Map.of();
    }
    if (readYaml(path, name) instanceof Parsed parsed
        && parsed.file().root() instanceof Map<?, ?> root) {
      Map<String, Boolean> keys = new LinkedHashMap<>();
      root.forEach((key, value) -> keys.put(String.valueOf(key), value instanceof Map<?, ?>));
      return keys;
    }
    return Map.of();
  }

  /** Reads a JSON file (deployments.json, secrets, system config). */
  public Result readJson(Path path, String name) {
    Result sizeProblem = checkReadable(path, name);
    if (sizeProblem != null) {
      return sizeProblem;
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      // the streaming read first: the mapper only for what it cannot read as the mapper would
      Optional<PlainJson.Document> plain =
          bytes.length == 0 ? Optional.of(new PlainJson.Document(null)) : PlainJson.read(bytes);
      Object root =
          plain.isPresent() ? plain.get().value() : Json.MAPPER.readValue(bytes, Object.class);
      return new Parsed(new ParsedFile(name, root, Locator.NONE));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      return new Failed(
          Problem.error(
              new Location(name, line, column),
              "",
              "is not valid JSON: " + withoutContent(firstLine(e.getOriginalMessage())),
              Problem.NO_VALUE,
              "a JSON document"));
    } catch (IOException e) {
      return ioFailure(path, name, e);
    }
  }

  private static Result checkReadable(Path path, String name) {
    try {
      // one system call for both questions
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      long size = attributes.size();
      if (size > MAX_FILE_BYTES) {
        return new Failed(
            Problem.error(
                Location.of(name),
                "",
                "file is too large to be a config file (" + size + " bytes)",
                Problem.NO_VALUE,
                "at most " + MAX_FILE_BYTES + " bytes"));
      }
      if (!attributes.isRegularFile()) {
        return new Failed(
            Problem.error(
                Location.of(name), "", "is not a regular file", Problem.NO_VALUE, "a file"));
      }
      return null;
    } catch (IOException e) {
      return ioFailure(path, name, e);
    }
  }

  private static Result ioFailure(Path path, String name, IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason =
          danglingTarget(path)
              .map(t -> "is a symbolic link to " + t + ", which does not exist")
              .orElse("does not exist");
    } else if (e instanceof CharacterCodingException) {
      reason = "is not UTF-8 text";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      reason = "could not be read: " + fs.getReason();
    } else {
      reason = "could not be read: " + describe(e);
    }
    return new Failed(Problem.error(Location.of(name), "", reason, Problem.NO_VALUE, ""));
  }

  /** The target of a symbolic link, when {@code path} is one. */
  private static java.util.Optional<Path> danglingTarget(Path path) {
    try {
      return Files.isSymbolicLink(path)
          ? java.util.Optional.of(Files.readSymbolicLink(path))
          : java.util.Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return java.util.Optional.empty();
    }
  }

  /** A binary (or wrongly encoded) file, named with the line and column of the first bad byte. */
  private static Result notText(String name, int[] lineAndColumn, String message) {
    Location at =
        lineAndColumn == null
            ? Location.of(name)
            : new Location(name, lineAndColumn[0], lineAndColumn[1]);
    return new Failed(
        Problem.error(
            at, "", message, Problem.NO_VALUE, "a UTF-8 YAML text file (is it a binary file?)"));
  }

  private static Result failed(String name, Mark mark, String message) {
    Location at =
        mark == null
            ? Location.of(name)
            : new Location(name, mark.getLine() + 1, mark.getColumn() + 1);
    return new Failed(Problem.error(at, "", message, Problem.NO_VALUE, ""));
  }

  /** Counts values with aliases followed, stopping early once over the limit. */
  /** Marks a value whose size is being counted: meeting it again means it contains itself. */
  private static final long COUNTING = -1;

  /** Returned for a value that contains itself. */
  private static final long RECURSIVE = Long.MAX_VALUE;

  /**
   * Counts values with aliases followed, stopping early once over the limit; {@link #RECURSIVE}
   * when a value contains itself.
   */
  private static long expandedSize(Object value, Map<Object, Long> memo) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      Long known = memo.get(value);
      if (known != null) {
        return known == COUNTING ? RECURSIVE : known;
      }
      memo.put(value, COUNTING);
      long total = 1;
      Iterable<?> children = value instanceof Map<?, ?> map ? map.values() : (List<?>) value;
      for (Object child : children) {
        long size = expandedSize(child, memo);
        total = size == RECURSIVE ? RECURSIVE : total + size;
        if (total > MAX_EXPANDED_VALUES) {
          break;
        }
      }
      memo.put(value, total);
      return total;
    }
    return 1;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : firstLine(message);
  }

  /** Quoted text of two characters or more in a parser's message (a token of the file). */
  private static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile("'(?!null'|true'|false')[^']{2,}'|\"[^\"]{2,}\"");

  /**
   * A parser's message without the file's text it quotes (a token, a line): problems name the file,
   * line and column, and carry no content beyond the user's own field values, since they are shown
   * in the daemon's log and its API (a secret file that does not parse, for one).
   */
  static String withoutContent(String message) {
    return QUOTED.matcher(message).replaceAll("(text at that place)");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}

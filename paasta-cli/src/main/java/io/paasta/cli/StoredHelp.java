package io.paasta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The help pages of {@code paasta --help} and {@code paasta COMMAND -h}, rendered by picocli from
 * the real command tree at build time ({@link HelpPageWriter}) and printed from the jar without
 * loading picocli or any command. A page is printed only when picocli would render exactly it: the
 * default width, a line separator of {@code \n}, ANSI escapes decided as picocli decides them (see
 * {@link #ansi}); in every other case, and when the page is missing, {@code paasta} renders the
 * help live as before. This class must not use picocli (that is its point).
 */
public final class StoredHelp {
  /** The page of {@code paasta --help}. */
  static final String ROOT_PAGE = "paasta";

  /** Where the pages are, beside this class: {@code NAME.txt} plain, {@code NAME.ansi.txt} ANSI. */
  static final String DIRECTORY = "help/";

  /**
   * The properties picocli reads that may change a page; {@code picocli.disable.closures} does not.
   */
  private static final String PICOCLI_PROPERTIES = "picocli.";

  private static final String ALLOWED_PROPERTY = "picocli.disable.closures";

  private StoredHelp() {}

  /**
   * Whether {@code word} could be a command's name: a lowercase letter, then lowercase letters,
   * {@code _} and {@code -} (no regular expression: this class runs before every command).
   */
  static boolean isCommandName(String word) {
    if (word.isEmpty() || word.charAt(0) < 'a' || word.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if ((c < 'a' || c > 'z') && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * The name of the page these arguments ask for: {@link #ROOT_PAGE} for {@code -h} or {@code
   * --help} alone, the command's name for {@code COMMAND -h} or {@code COMMAND --help}; empty for
   * anything else (picocli handles it).
   */
  static Optional<String> pageName(String... args) {
    if (args.length == 1 && isHelpOption(args[0])) {
      return Optional.of(ROOT_PAGE);
    }
    if (args.length == 2 && isHelpOption(args[1]) && isCommandName(args[0])) {
      return Optional.of(args[0]);
    }
    return Optional.empty();
  }

  private static boolean isHelpOption(String arg) {
    return arg.equals("-h") || arg.equals("--help");
  }

  /**
   * Whether picocli's {@code Ansi.AUTO} would colour the help in this environment: empty when this
   * cannot be told the way picocli tells it (picocli then renders the page). Mirrors picocli 4.7's
   * heuristics on a non-Windows system: {@code NO_COLOR} turns colours off, {@code CLICOLOR_FORCE}
   * (other than {@code 0}) on, {@code CLICOLOR=0} or {@code ConEmuANSI=OFF} off, else colours on a
   * terminal. Any {@code picocli.*} system property (width, ANSI, trace), another line separator,
   * Windows, or Java 22's terminal detection leave it to picocli.
   *
   * @param console whether {@code System.console()} is not null
   */
  static Optional<Boolean> ansi(
      Map<String, String> env, Properties properties, boolean console, int javaFeature) {
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PICOCLI_PROPERTIES) && !name.equals(ALLOWED_PROPERTY)) {
        return Optional.empty();
      }
    }
    if (!"\n".equals(properties.getProperty("line.separator"))
        || properties.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")
        || javaFeature >= 22) {
      return Optional.empty();
    }
    if (env.get("NO_COLOR") != null) {
      return Optional.of(false);
    }
    String force = env.get("CLICOLOR_FORCE");
    if (force != null && !force.equals("0")) {
      return Optional.of(true);
    }
    if ("0".equals(env.get("CLICOLOR")) || "OFF".equals(env.get("ConEmuANSI"))) {
      return Optional.of(false);
    }
    return Optional.of(console);
  }

  /** The file of a page: {@code NAME.txt}, or {@code NAME.ansi.txt} with colours. */
  static String fileName(String pageName, boolean ansi) {
    return pageName + (ansi ? ".ansi.txt" : ".txt");
  }

  /**
   * The stored page for these arguments in this JVM's environment, or empty when picocli must
   * render it (not a help request, a setting picocli would render differently, no such page, or a
   * page that is not plain ASCII, which picocli would encode in the output's charset).
   */
  public static Optional<byte[]> page(String... args) {
    Optional<String> name = pageName(args);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> ansi =
        ansi(
            System.getenv(),
            System.getProperties(),
            System.console() != null,
            Runtime.version().feature());
    if (ansi.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in =
        StoredHelp.class.getResourceAsStream(DIRECTORY + fileName(name.get(), ansi.get()))) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] page = in.readAllBytes();
      return isAscii(page) ? Optional.of(page) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}

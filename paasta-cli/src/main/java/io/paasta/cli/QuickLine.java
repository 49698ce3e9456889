package io.paasta.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * What the commands run without picocli ({@link QuickValidate}, {@link QuickList}, {@link
 * QuickStatus}) share: reading a plain command line and picocli's colour decision, and printing
 * lines as picocli's writer would. This class must not use picocli.
 */
final class QuickLine {
  private QuickLine() {}

  /** A plain command line's request, and whether picocli would colour the output. */
  record Plain<R>(R request, boolean ansi) {}

  /**
   * The request {@code parse} reads from the arguments, with picocli's colour decision; empty when
   * picocli must run the command (another form, a value that is no path, colours it cannot tell).
   */
  static <R> Optional<Plain<R>> read(
      Function<String[], Optional<R>> parse,
      String[] args,
      Map<String, String> env,
      Properties properties,
      boolean console) {
    Optional<R> request;
    try {
      request = parse.apply(args);
    } catch (InvalidPathException e) {
      return Optional.empty(); // picocli says which value is no path
    }
    if (request.isEmpty()) {
      return Optional.empty();
    }
    return QuickValidate.colours(env, properties, console)
        .map(ansi -> new Plain<>(request.get(), ansi));
  }

  /** Prints the lines, each ended by the line separator, in one write. */
  static void print(PrintStream stream, List<String> lines) {
    String separator = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append(separator);
    }
    print(stream, text.toString());
  }

  /** Prints the text through the writer picocli makes for the stream. */
  static void print(PrintStream stream, String text) {
    PrintWriter out = QuickValidate.writer(stream);
    out.print(text);
    out.flush();
  }
}

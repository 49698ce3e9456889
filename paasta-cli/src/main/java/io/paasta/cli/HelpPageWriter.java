package io.paasta.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;

/**
 * Renders the help pages {@link StoredHelp} prints, at build time (the build runs it after
 * compiling): {@code paasta --help} and every command's {@code -h}, each as picocli prints it
 * through the real command line, without and with ANSI colours.
 *
 * <p>{@code HelpPageWriter DIRECTORY}: writes {@code NAME.txt} and {@code NAME.ansi.txt} there.
 */
public final class HelpPageWriter {
  private HelpPageWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: HelpPageWriter DIRECTORY");
      System.exit(2);
    }
    PaastaMain.skipGroovyLookup();
    Path directory = Path.of(args[0]);
    Files.createDirectories(directory);
    Map<String, String> pages = pages();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(directory.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("HelpPageWriter: " + pages.size() + " help pages in " + directory);
  }

  /**
   * Every page by its file name (in {@link StoredHelp#DIRECTORY}). A page picocli does not print as
   * help (a command without {@code -h}) or renders with a line separator other than {@code \n} is
   * left out: {@code paasta} renders it live.
   */
  static Map<String, String> pages() {
    List<String[]> requests = new ArrayList<>();
    requests.add(new String[] {"--help"});
    for (String command : CommandRegistry.standard().names()) {
      requests.add(new String[] {command, "-h"});
    }
    Map<String, String> pages = new LinkedHashMap<>();
    for (String[] request : requests) {
      String name = StoredHelp.pageName(request).orElseThrow();
      for (boolean ansi : new boolean[] {false, true}) {
        render(ansi, request)
            .filter(page -> System.lineSeparator().equals("\n"))
            .ifPresent(page -> pages.put(StoredHelp.fileName(name, ansi), page));
      }
    }
    return pages;
  }

  /**
   * What {@code paasta ARGS} prints on its standard output, rendered live by picocli with ANSI
   * colours on or off; empty when it does not print help (an exit code other than 0 or a word on
   * the standard error, picocli's own warnings included, which it writes to {@code System.err}: a
   * stored page would lose them).
   */
  static Optional<String> render(boolean ansi, String... args) {
    CommandLine commandLine = PaastaMain.newCommandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    commandLine.setColorScheme(
        new ColorScheme.Builder(commandLine.getColorScheme())
            .ansi(ansi ? Ansi.ON : Ansi.OFF)
            .build());
    PrintStream systemErr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      exit = commandLine.execute(args);
    } finally {
      System.setErr(systemErr);
    }
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return exit == 0 && err.toString().isEmpty() && warnings.size() == 0
        ? Optional.of(out.toString())
        : Optional.empty();
  }
}

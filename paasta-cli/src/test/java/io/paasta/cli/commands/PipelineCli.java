package io.paasta.cli.commands;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.paasta.cli.PaastaMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** One run of {@code paasta} for the pipeline commands' tests, and soa-configs trees to run on. */
record PipelineCli(int exit, String out, String err) {
  /** The example soa-configs tree, relative to the module directory (where Maven runs tests). */
  static final Path EXAMPLES = Path.of("../examples/soa-configs");

  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  static PipelineCli run(String... args) {
    CommandLine cmd = PaastaMain.newCommandLine();
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new PipelineCli(exit, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  /** Both streams, to show when an assertion fails. */
  String all() {
    return out + err;
  }

  /** Writes a file of a test tree, creating its folders. */
  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, UTF_8);
  }
}

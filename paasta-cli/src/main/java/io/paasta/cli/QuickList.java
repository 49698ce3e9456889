package io.paasta.cli;

import io.paasta.cli.commands.ListLines;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * {@code paasta list} without picocli, for plain command lines ({@link PlainArgs}: {@code list}
 * then at most one each of {@code -a/--all}, {@code -i/--print-instances} and {@code -y/--soa-dir
 * DIR}): the same lines ({@link ListLines}) written as picocli's writer writes them. {@code
 * --json}, any other form, a setting picocli would print differently and an error are left to
 * picocli. This class must not use picocli.
 */
final class QuickList {
  /** A plain {@code paasta list} command line. */
  record Request(Path soaDir, boolean all, boolean instances) {}

  private QuickList() {}

  static Optional<Request> parse(String... args) {
    return PlainArgs.parse(
            args,
            "list",
            Map.of(
                "-a", "all", "--all", "all", "-i", "instances", "--print-instances", "instances"),
            Map.of("-y", "soa-dir", "--soa-dir", "soa-dir"))
        .map(
            o ->
                new Request(
                    o.containsKey("soa-dir") ? Path.of(o.get("soa-dir")) : null,
                    o.containsKey("all"),
                    o.containsKey("instances")));
  }

  static OptionalInt run(String... args) {
    return run(
        args,
        System.getenv(),
        System.getProperties(),
        System.console() != null,
        System.out,
        System.err);
  }

  /** Lists and returns 0, having printed; empty (nothing printed) when picocli must run it. */
  static OptionalInt run(
      String[] args,
      Map<String, String> env,
      Properties properties,
      boolean console,
      PrintStream stdout,
      PrintStream stderr) {
    Optional<QuickLine.Plain<Request>> plain =
        QuickLine.read(QuickList::parse, args, env, properties, console);
    if (plain.isEmpty()) {
      return OptionalInt.empty();
    }
    Request request = plain.get().request();
    List<String> lines;
    try {
      Path soaDir = request.soaDir();
      lines =
          ListLines.lines(
              SoaConfigsLoader.open(soaDir != null ? soaDir : SoaDir.defaultPath()),
              request.instances());
    } catch (RuntimeException e) {
      return OptionalInt.empty(); // picocli's error handler says it, as before
    }
    if (request.all() && !request.instances()) {
      QuickLine.print(stderr, List.of(ListLines.ALL_NOTE));
    }
    QuickLine.print(stdout, lines);
    return OptionalInt.of(0);
  }
}

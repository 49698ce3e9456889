package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lazily built command line behaves as the one with every command built. */
class CommandRegistryTest {
  private final CommandRegistry registry = CommandRegistry.standard();

  @Test
  void everyNameIsTheNameItsClassDeclares() throws Exception {
    List<String> misnamed = new ArrayList<>();
    for (String name : registry.names()) {
      CommandLine line = registry.commandLineFor(name).getSubcommands().get(name);
      Command command = line.getCommand().getClass().getAnnotation(Command.class);
      if (!command.name().equals(name)) {
        misnamed.add(name + " is " + command.name());
      }
    }

    assertThat(misnamed).isEmpty();
    assertThat(registry.fullCommandLine().getSubcommands().keySet())
        .containsExactlyElementsOf(registry.names());
  }

  @Test
  void onlyTheCommandNamedIsBuilt() {
    CommandLine root = registry.commandLineFor("validate", "-y", "somewhere");

    assertThat(root.getSubcommands().get("validate").getCommandSpec().findOption("--soa-dir"))
        .isNotNull();
    assertThat(root.getSubcommands().get("list").getCommandSpec().options()).isEmpty();
    // the root's usage is not printed when the command comes first: the others are names only
    assertThat(root.getSubcommands().get("list").getCommandSpec().usageMessage().description())
        .isEmpty();
    CommandLine help = registry.commandLineFor("-h", "validate");
    assertThat(help.getSubcommands().get("list").getCommandSpec().options()).isEmpty();
    assertThat(help.getSubcommands().get("list").getCommandSpec().usageMessage().description())
        .containsExactly(
            registry
                .fullCommandLine()
                .getSubcommands()
                .get("list")
                .getCommandSpec()
                .usageMessage()
                .description());
  }

  @Test
  void theCommandIsTheFirstArgumentAfterTheRootOptions() {
    assertThat(CommandRegistry.firstAfterRootOptions("-h", "list", "-a")).isEqualTo("list");
    assertThat(CommandRegistry.firstAfterRootOptions("--version", "validate"))
        .isEqualTo("validate");
    assertThat(CommandRegistry.firstAfterRootOptions("-y", "list")).isEqualTo("-y");
    assertThat(CommandRegistry.firstAfterRootOptions("-h")).isNull();
  }

  @Test
  void anArgumentFileGetsEveryCommand(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("args");
    Files.writeString(file, "list-clusters -y " + CliRun.EXAMPLES);
    String argument = "@" + file;

    CliRun run = CliRun.runOn(registry.commandLineFor(argument), argument);

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run).isEqualTo(CliRun.runOn(registry.fullCommandLine(), argument));
  }

  static Stream<List<String>> argumentLines() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of());
    lines.add(List.of("-h"));
    lines.add(List.of("--help"));
    lines.add(List.of("-V"));
    lines.add(List.of("--help", "validate"));
    lines.add(List.of("validate", "list"));
    lines.add(List.of("list", "--no-such-option"));
    lines.add(List.of("no-such-command"));
    lines.add(List.of("valdate"));
    lines.add(List.of("-x"));
    lines.add(List.of("-x", "validate"));
    lines.add(List.of("-hV", "list"));
    lines.add(List.of("--", "list"));
    lines.add(List.of("pipeline"));
    lines.add(List.of("pipeline", "run", "-h"));
    lines.add(List.of("list", "-i", "-y", CliRun.EXAMPLES.toString()));
    lines.add(List.of("validate", "-y", CliRun.EXAMPLES.toString(), "-s", "no-such-service"));
    for (String name : CommandRegistry.standard().names()) {
      lines.add(List.of(name, "-h"));
      lines.add(List.of("-h", name));
    }
    return lines.stream();
  }

  @ParameterizedTest
  @MethodSource("argumentLines")
  void printsWhatTheFullCommandLinePrints(List<String> args) {
    String[] argv = args.toArray(String[]::new);

    assertThat(CliRun.runOn(registry.commandLineFor(argv), argv))
        .isEqualTo(CliRun.runOn(registry.fullCommandLine(), argv));
  }

  @Test
  void completionCoversTheOptionsOfEveryCommand() {
    String script = CliRun.runOn(registry.commandLineFor("completion"), "completion").out();

    assertThat(script).contains("--soa-dir", "--deploy-group", "--api-timeout");
  }
}

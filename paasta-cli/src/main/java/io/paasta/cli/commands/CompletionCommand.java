package io.paasta.cli.commands;

import io.paasta.cli.PaastaCommand;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta completion}: a bash/zsh completion script, generated from the commands. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a bash (and zsh) completion script for paasta.",
      "Use: source <(paasta completion)"
    })
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // the running command line builds only this command; the script needs every option of all
    CommandLine root =
        spec.root().userObject() instanceof PaastaCommand paasta
            ? paasta.fullCommandLine()
            : spec.root().commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash("paasta", root));
    spec.commandLine().getOut().flush();
    return 0;
  }
}

package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta list-clusters}: every cluster named by an instance file in the soa-configs. */
@Command(
    name = "list-clusters",
    mixinStandardHelpOptions = true,
    description = "Lists the clusters that soa-configs has instances for.")
public final class ListClustersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    List<String> clusters = List.copyOf(soaDir.open().clusters());
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(clusters);
    } else {
      clusters.forEach(out::line);
    }
    return 0;
  }
}

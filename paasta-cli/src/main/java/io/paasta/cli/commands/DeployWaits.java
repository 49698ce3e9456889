package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.deploywait.DeployGroupWait;
import io.paasta.cli.deploywait.DeploymentWaiter;
import io.paasta.cli.deploywait.PlainProgressDisplay;
import io.paasta.cli.deploywait.ProgressDisplay;
import io.paasta.cli.deploywait.StatusSource;
import io.paasta.cli.deploywait.TerminalProgressDisplay;
import io.paasta.cli.output.Output;
import io.paasta.model.Service;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The deploy wait of wait-for-deployment, mark-for-deployment --wait-for-deployment and pipeline
 * run: the deploy group's instances from soa-configs, the clusters' APIs from the system config,
 * progress redrawn on a terminal or printed on change otherwise.
 */
final class DeployWaits {
  private DeployWaits() {}

  /**
   * @param plain progress as lines on change even on a terminal (for runs that print other lines at
   *     the same time, such as a pipeline's parallel steps)
   */
  static DeployGroupWait.Result await(
      CommandLine commandLine,
      ApiOptions api,
      WaitOptions wait,
      Service service,
      String deployGroup,
      String commit,
      boolean plain) {
    List<InstanceTarget> targets = InstanceTargets.ofDeployGroup(service, deployGroup);
    ApiEndpoints endpoints =
        targets.isEmpty() ? new ApiEndpoints(Map.of(), "", api.timeout()) : api.endpoints();
    Output out = new Output(commandLine);
    Ansi ansi = commandLine.getColorScheme().ansi();
    ProgressDisplay display =
        ansi.enabled() && !plain
            ? new TerminalProgressDisplay(commandLine.getOut(), ansi)
            : new PlainProgressDisplay(
                line -> {
                  out.styled(line);
                  out.flush();
                });
    DeploymentWaiter waiter =
        new DeploymentWaiter(
            StatusSource.of(endpoints),
            display,
            Clock.systemUTC(),
            DeploymentWaiter.Sleeper.REAL,
            wait.pollInterval());
    DeployGroupWait groupWait =
        new DeployGroupWait(endpoints::has, api.systemConfigDir().toString(), waiter, out::styled);
    return groupWait.await(deployGroup, targets, commit, wait.timeout());
  }

  /**
   * Exit 0 for a finished wait; otherwise, after {@code rollback} when a timed-out wait asks for
   * it, a {@link UserException} with the wait's summary (exit 1).
   */
  static int conclude(DeployGroupWait.Result result, Runnable rollback) {
    if (result.ok()) {
      return 0;
    }
    if (result.outcome() == DeployGroupWait.Outcome.TIMED_OUT) {
      rollback.run();
    }
    throw new UserException(result.summary());
  }
}

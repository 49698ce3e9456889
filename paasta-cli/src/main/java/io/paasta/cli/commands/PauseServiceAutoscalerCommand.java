package io.paasta.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.UserException;
import io.paasta.cli.api.PaastaApiClient;
import io.paasta.cli.output.Output;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta pause_service_autoscaler}: the cluster-wide pause (SPEC section 11). */
@Command(
    name = "pause_service_autoscaler",
    mixinStandardHelpOptions = true,
    description = {
      "Pauses the autoscaler of a cluster: no autoscaled instance changes its count until the"
          + " pause ends (-d minutes from now, default 120; more than 320 needs -f). -i prints"
          + " the pause, -r ends it. Through the cluster's PaaSTA API (changes with the API"
          + " token)."
    })
public final class PauseServiceAutoscalerCommand implements Callable<Integer> {
  static final String PATH = "/v1/service_autoscaler/pause";
  static final int MAX_UNFORCED_MINUTES = 320;

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Mixin ApiTokenOption token;

  @Option(
      names = {"-c", "--cluster"},
      paramLabel = "CLUSTER",
      required = true,
      description = "The cluster.")
  String cluster;

  @Option(
      names = {"-d", "--pause-duration", "--pause_duration"},
      paramLabel = "MINUTES",
      defaultValue = "120",
      description = "How long to pause, in minutes (default: ${DEFAULT-VALUE}).")
  int minutes;

  @Option(
      names = {"-f", "--force"},
      description = "Allow a pause longer than " + MAX_UNFORCED_MINUTES + " minutes.")
  boolean force;

  @Option(
      names = {"-i", "--info"},
      description = "Print whether the autoscaler is paused, and until when.")
  boolean info;

  @Option(
      names = {"-r", "--resume"},
      description = "End the pause now.")
  boolean resume;

  @Override
  public Integer call() {
    if (info && resume) {
      throw new UserException("-i/--info and -r/--resume do not go together");
    }
    if (!info && !resume) {
      if (minutes < 1) {
        throw new UserException("-d " + minutes + ": a pause is at least 1 minute");
      }
      if (minutes > MAX_UNFORCED_MINUTES && !force) {
        throw new UserException(
            "Specified duration: "
                + minutes
                + " minutes is longer than "
                + MAX_UNFORCED_MINUTES
                + " - use -f/--force to pause that long");
      }
    }
    PaastaApiClient client = api.endpoints().client(cluster);
    JsonNode answer;
    if (info) {
      answer = client.get(PATH);
    } else if (resume) {
      answer = client.delete(PATH, token.token());
    } else {
      answer = client.post(PATH, Map.of("minutes", minutes), token.token());
    }
    Output out = new Output(spec.commandLine());
    out.line(describe(answer));
    out.flush();
    return 0;
  }

  static String describe(JsonNode answer) {
    JsonNode until = answer.path("paused_until");
    return until.isTextual()
        ? "Service autoscaler is paused until " + until.asText()
        : "Service autoscaler is not paused";
  }
}

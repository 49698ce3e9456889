package io.paasta.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.UserException;
import io.paasta.cli.api.PaastaApiClient;
import io.paasta.cli.output.Output;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta autoscale}: prints or sets an autoscaled instance's count (SPEC section 11). */
@Command(
    name = "autoscale",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the instance count the autoscaler keeps for an autoscaled instance (one with"
          + " max_instances), or sets it with --set through the cluster's PaaSTA API (with the API"
          + " token). A count outside [min_instances, max_instances] is clamped, with a warning"
          + " naming the bound. A bespoke instance keeps the count; others until the autoscaler's"
          + " next decision."
    })
public final class AutoscaleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServiceOption service;

  @Mixin ApiOptions api;

  @Mixin ApiTokenOption token;

  @Option(
      names = {"-i", "--instance"},
      paramLabel = "INSTANCE",
      required = true,
      description = "The instance.")
  String instance;

  @Option(
      names = {"-c", "--cluster"},
      paramLabel = "CLUSTER",
      required = true,
      description = "The cluster.")
  String cluster;

  @Option(names = "--set", paramLabel = "N", description = "The count to set (>= 0).")
  Integer set;

  @Override
  public Integer call() {
    String name = service.given();
    if (name == null) {
      throw new UserException("give the service with -s/--service");
    }
    PaastaApiClient client = api.endpoints().client(cluster);
    Output out = new Output(spec.commandLine());
    JsonNode now =
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.autoscaler(name, instance))
            .put("instance", instance);
    if (set == null) {
      out.line(String.valueOf(now.path("desired_instances").asInt()));
      out.flush();
      return 0;
    }
    if (set < 0) {
      throw new UserException("--set " + set + ": a count is >= 0");
    }
    clampWarning(now, set, name).ifPresent(w -> spec.commandLine().getErr().println(w));
    JsonNode after = client.setAutoscaler(name, instance, set, token.token());
    out.line(String.valueOf(after.path("desired_instances").asInt()));
    out.flush();
    return 0;
  }

  /** The warning when {@code wanted} is outside the instance's bounds. */
  static Optional<String> clampWarning(JsonNode document, int wanted, String service) {
    if (!document.path("autoscaled").asBoolean(false)) {
      return Optional.empty(); // the API refuses it, naming why
    }
    int min = document.path("min_instances").asInt();
    int max = document.path("max_instances").asInt();
    if (wanted > max) {
      return Optional.of(
          "warning: "
              + wanted
              + " is above max_instances ("
              + max
              + ") of "
              + service
              + "."
              + document.path("instance").asText("")
              + ": set to "
              + max);
    }
    if (wanted < min) {
      return Optional.of(
          "warning: "
              + wanted
              + " is below min_instances ("
              + min
              + ") of "
              + service
              + "."
              + document.path("instance").asText("")
              + ": set to "
              + min);
    }
    return Optional.empty();
  }
}

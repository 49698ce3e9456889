package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.DeployConfig;
import java.util.regex.Pattern;

/** What {@code paasta pipeline run} and {@code paasta generate-pipeline} refuse, in one place. */
final class PipelineInputs {
  private static final Pattern FULL_SHA = Pattern.compile("^[0-9a-f]{40}$");

  private PipelineInputs() {}

  /** A full 40-hex git sha (upper case accepted, returned in lower case). */
  static String requireSha(String sha) {
    String lower = sha.toLowerCase(java.util.Locale.ROOT);
    if (!FULL_SHA.matcher(lower).matches()) {
      throw new UserException(
          "'" + sha + "' is not a full git sha - expected 40 hex characters (git rev-parse HEAD)");
    }
    return lower;
  }

  /** The service's deploy.yaml, refused when it is missing or has errors. */
  static DeployConfig deployConfig(LoadedService loaded) {
    String service = loaded.service().name();
    for (Problem problem : loaded.problems()) {
      if (problem.isError() && problem.file().endsWith("deploy.yaml")) {
        throw new UserException(
            "deploy.yaml of "
                + service
                + " has problems - fix them first (paasta validate -s "
                + service
                + "): "
                + problem.format());
      }
    }
    return loaded
        .service()
        .deploy()
        .orElseThrow(
            () ->
                new UserException(
                    service
                        + " has no deploy.yaml - its pipeline is the `pipeline:` list of "
                        + service
                        + "/deploy.yaml in the soa-configs directory"));
  }
}

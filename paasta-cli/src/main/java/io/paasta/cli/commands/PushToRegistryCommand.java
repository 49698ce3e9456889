package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageEngine;
import io.paasta.deploy.image.PushDecision;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta push-to-registry}: sends a built image to the service's registry. */
@Command(
    name = "push-to-registry",
    mixinStandardHelpOptions = true,
    description = {
      "Pushes <registry>/services-<service>:paasta-<sha> (built by cook-image or itest) to its"
          + " registry, showing each layer's progress. An image the registry already has is not"
          + " pushed again unless --force is given."
    })
public final class PushToRegistryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(
      names = {"-c", "--commit"},
      paramLabel = "SHA",
      required = true,
      description = "The git sha of the image (40 hex characters).")
  String commit;

  @Option(names = "--force", description = "Push even when the registry already has the image.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    DockerImageName image = ImageTargets.image(soaDir, service, ImageTargets.sha(commit));
    Output out = new Output(spec.commandLine());
    PushDecision decision;
    try (ImageEngine engine = ImageEngine.connect()) {
      decision = engine.pusher(out::line).push(image, force);
    }
    if (decision.pushes()) {
      out.styled("@|green \u2713|@ " + Output.escape(image.full()) + " is in the registry");
      ImageTargets.buildLine(soaDir, image, "push", "pushed", spec.commandLine().getErr());
    }
    return 0;
  }
}

package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageEngine;
import io.paasta.deploy.image.ItestRunner;
import io.paasta.deploy.image.MakeClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta itest}: the service checkout's integration tests against its image. */
@Command(
    name = "itest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs `make itest` in the service's checkout with DOCKER_TAG set to"
          + " <registry>/services-<service>:paasta-<sha>. By convention the target builds the"
          + " image first (itest: cook-image) and then tests it."
    })
public final class ItestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(
      names = {"-c", "--commit"},
      paramLabel = "SHA",
      description = "The git sha of the image to test (default: HEAD of the checkout).")
  String commit;

  @Option(
      names = "--repo-dir",
      paramLabel = "DIR",
      description = "The service's checkout (default: the current directory).")
  Path repoDir;

  @Override
  public Integer call() {
    Path dir = ImageTargets.repoDir(repoDir);
    DockerImageName image =
        ImageTargets.image(soaDir, service, ImageTargets.shaOrHead(commit, dir));
    ItestRunner.check(dir);
    Output out = new Output(spec.commandLine());
    // make's docker commands need the engine: a clear error first when it does not answer
    ImageEngine.requireEngine();
    new ItestRunner(new MakeClient(), out::line).run(dir, image);
    out.styled("@|green \u2713|@ itest passed for " + Output.escape(image.full()));
    ImageTargets.buildLine(soaDir, image, "itest", "passed for", spec.commandLine().getErr());
    return 0;
  }
}

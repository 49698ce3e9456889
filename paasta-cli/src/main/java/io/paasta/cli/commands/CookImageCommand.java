package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageBuilder;
import io.paasta.deploy.image.ImageEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta cook-image}: builds a service's image from its checkout. */
@Command(
    name = "cook-image",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the image <registry>/services-<service>:paasta-<sha> from the service's checkout:"
          + " `make cook-image` with DOCKER_TAG set when its Makefile has that target, else a"
          + " plain build of its Dockerfile. The build output is shown as it runs.",
      "The registry is docker_registry of service.yaml, else of the system config."
    })
public final class CookImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(
      names = {"-c", "--commit"},
      paramLabel = "SHA",
      description = "The git sha the image is tagged with (default: HEAD of the checkout).")
  String commit;

  @Option(
      names = "--repo-dir",
      paramLabel = "DIR",
      description = "The service's checkout (default: the current directory).")
  Path repoDir;

  @Override
  public Integer call() throws IOException {
    Path dir = ImageTargets.repoDir(repoDir);
    DockerImageName image =
        ImageTargets.image(soaDir, service, ImageTargets.shaOrHead(commit, dir));
    ImageBuilder.methodFor(dir);
    Output out = new Output(spec.commandLine());
    try (ImageEngine engine = ImageEngine.connect()) {
      ImageBuilder.Built built = engine.builder(out::line).build(dir, image);
      out.styled(
          "@|green \u2713|@ built "
              + Output.escape(image.full())
              + " ("
              + Output.escape(built.imageId())
              + ")");
    }
    ImageTargets.buildLine(soaDir, image, "cook-image", "built", spec.commandLine().getErr());
    return 0;
  }
}

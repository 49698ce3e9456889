package io.paasta.cli.check;

import io.paasta.deploy.make.Makefiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The build contract of a service repository (SPEC section 2): a Dockerfile with a FROM line, and a
 * Makefile with the targets {@code cook-image}, {@code test} and {@code itest} that honour {@code
 * DOCKER_TAG}.
 */
public final class RepoChecks {
  /** The Makefile targets PaaSTA runs: cook-image builds, test and itest test. */
  static final List<String> TARGETS = List.of("cook-image", "test", "itest");

  private RepoChecks() {}

  public static List<CheckItem> check(Path repo) {
    List<CheckItem> items = new ArrayList<>();
    items.add(dockerfile(repo));
    items.addAll(makefile(repo));
    return items;
  }

  static CheckItem dockerfile(Path repo) {
    Path file = repo.resolve("Dockerfile");
    if (!Files.isRegularFile(file)) {
      return CheckItem.failed(
          "dockerfile",
          "no Dockerfile in " + repo,
          "add a Dockerfile at the repository's root (examples/services/hello-web/Dockerfile is"
              + " one FROM scratch)");
    }
    Optional<String> from;
    try {
      from = fromLine(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return CheckItem.failed(
          "dockerfile", "cannot read " + file + ": " + e.getMessage(), "make it readable");
    }
    return from.map(image -> CheckItem.passed("dockerfile", "Dockerfile builds FROM " + image))
        .orElseGet(
            () ->
                CheckItem.failed(
                    "dockerfile",
                    "Dockerfile has no FROM line before its first instruction",
                    "start it with FROM <image> (FROM scratch for an image of static"
                        + " binaries)"));
  }

  /**
   * The image of the first instruction when it is FROM; parser directives, comments, blank lines
   * and ARG may come before it, as Docker allows.
   */
  static Optional<String> fromLine(String dockerfile) {
    for (String raw : dockerfile.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      String instruction = words[0].toUpperCase(Locale.ROOT);
      if (instruction.equals("ARG")) {
        continue;
      }
      if (instruction.equals("FROM") && words.length == 2) {
        return Optional.of(words[1].split("\\s+")[0]);
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  static List<CheckItem> makefile(Path repo) {
    Optional<Makefiles.Found> found;
    try {
      found = Makefiles.find(repo);
    } catch (RuntimeException e) {
      return List.of(CheckItem.failed("makefile", e.getMessage(), "make the Makefile readable"));
    }
    if (found.isEmpty()) {
      return List.of(
          CheckItem.failed(
              "makefile",
              "no Makefile in " + repo,
              "add a Makefile with the targets cook-image, test and itest, honouring DOCKER_TAG"
                  + " (see examples/services/hello-web/Makefile)"));
    }
    String name = found.get().path().getFileName().toString();
    String text = found.get().text();
    List<CheckItem> items = new ArrayList<>();
    items.add(CheckItem.passed("makefile", "Found " + name));
    for (String target : TARGETS) {
      items.add(target(name, text, target));
    }
    if (!text.contains("DOCKER_TAG")) {
      items.add(
          CheckItem.failed(
              "makefile.docker-tag",
              name + " never mentions DOCKER_TAG",
              "build with docker build -t \"$(DOCKER_TAG)\" in cook-image: paasta cook-image sets"
                  + " it to the image's name"));
    } else {
      items.add(CheckItem.passed("makefile.docker-tag", name + " uses DOCKER_TAG"));
    }
    return items;
  }

  private static CheckItem target(String name, String text, String target) {
    String id = "makefile." + target;
    if (Makefiles.hasTarget(text, target)) {
      return CheckItem.passed(id, name + " has the " + target + " target");
    }
    return CheckItem.failed(id, name + " has no " + target + " target", hint(target));
  }

  private static String hint(String target) {
    return switch (target) {
      case "cook-image" ->
          "add cook-image: docker build -t \"$(DOCKER_TAG)\" . (paasta cook-image"
              + " and the pipeline run it)";
      case "test" ->
          "add test: the repository's own tests, without Docker (the pipeline runs" + " make test)";
      default ->
          "add itest: cook-image, then test the image $(DOCKER_TAG) (paasta itest runs" + " it)";
    };
  }
}

package io.paasta.cli.fsm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service repository {@code paasta fsm --repo} writes: a Dockerfile {@code FROM scratch} with
 * Debian's static busybox serving {@code /www}, a Makefile with {@code cook-image}, {@code itest}
 * and {@code test} honouring {@code DOCKER_TAG}, the itest script, the pages, and a {@code
 * .gitignore} of the busybox the build copies in (the checkout stays clean). From the templates
 * under {@code io/paasta/cli/fsm/repo/}.
 */
public final class RepoSkeleton {
  private static final List<String> FILES =
      List.of("Dockerfile", "Makefile", "itest.sh", "www/index.html", "www/status", ".gitignore");

  private RepoSkeleton() {}

  /** Relative path to text, with the service's name and description filled in. */
  public static Map<String, String> files(String service, String description) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : FILES) {
      files.put(
          name,
          template(name).replace("{{service}}", service).replace("{{description}}", description));
    }
    return files;
  }

  /** The template of a file; a dot file's has no dot (Maven's resources leave dot files out). */
  private static String template(String name) {
    String resource =
        "/io/paasta/cli/fsm/repo/" + (name.startsWith(".") ? name.substring(1) : name);
    try (InputStream in = RepoSkeleton.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

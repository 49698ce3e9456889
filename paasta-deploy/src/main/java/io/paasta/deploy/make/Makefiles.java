package io.paasta.deploy.make;

import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service repository's Makefile and the explicit targets it defines ({@code name:} or {@code a
 * b::} rules), read from its text: enough to tell whether {@code make cook-image}, {@code make
 * itest} or {@code make security-check} has something to run. Variable assignments ({@code X :=
 * y}), recipes, comments, pattern rules ({@code %.o:}), special targets ({@code .PHONY}) and
 * targets named by variables are not targets here.
 */
public final class Makefiles {
  /** The names GNU make looks for, in its order. */
  public static final List<String> NAMES = List.of("GNUmakefile", "makefile", "Makefile");

  /** A rule line: targets, then {@code :} or {@code ::}, not an assignment such as {@code :=}. */
  private static final Pattern RULE = Pattern.compile("^([^\\s:=#][^:=#]*?)\\s*::?(?![=:])");

  /** A Makefile and its text. */
  public record Found(Path path, String text) {}

  private Makefiles() {}

  /** The Makefile GNU make would read in {@code dir}, with its text; empty when there is none. */
  public static Optional<Found> find(Path dir) {
    for (String name : NAMES) {
      Path path = dir.resolve(name);
      if (Files.isRegularFile(path)) {
        try {
          return Optional.of(new Found(path, Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new DeployException("cannot read " + path + ": " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }

  /** Every explicit target of a Makefile's text, in order. Pure. */
  public static Set<String> targets(String makefile) {
    Set<String> targets = new LinkedHashSet<>();
    for (String line : makefile.replace("\\\r\n", " ").replace("\\\n", " ").split("\r?\n")) {
      if (line.startsWith("\t")) {
        continue;
      }
      Matcher rule = RULE.matcher(line);
      if (rule.find()) {
        for (String name : rule.group(1).trim().split("\\s+")) {
          if (!name.contains("$") && !name.contains("%") && !name.startsWith(".")) {
            targets.add(name);
          }
        }
      }
    }
    return targets;
  }

  /** Whether the Makefile text has a rule for {@code target}. */
  public static boolean hasTarget(String makefile, String target) {
    return targets(makefile).contains(target);
  }
}

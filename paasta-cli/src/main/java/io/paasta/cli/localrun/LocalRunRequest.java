package io.paasta.cli.localrun;

import io.paasta.cli.UserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code paasta local-run} was asked to do, from its flags, checked once: how the container
 * runs ({@link Mode}), where its image comes from ({@link ImageSource}), the command override and
 * whether its health check runs.
 *
 * @param cmd {@code -C}: replaces the instance's cmd/args (run by a shell, like cmd)
 * @param healthcheck whether the instance's health check runs (off with -k and -I)
 * @param interactive {@code -I}: the container gets stdin and a TTY ({@code docker run -it}), also
 *     in the command a dry run prints
 */
public record LocalRunRequest(
    Mode mode,
    ImageSource imageSource,
    Optional<String> cmd,
    boolean healthcheck,
    boolean interactive) {

  /** How the container runs. */
  public enum Mode {
    /** In the foreground, its output streamed, until it exits or Ctrl-C. */
    FOREGROUND,
    /** Start, wait for the health check's verdict, stop: exit 0 when it passed. */
    HEALTHCHECK_ONLY,
    /** With a TTY attached (the docker CLI's {@code docker run -it}), no health check. */
    INTERACTIVE,
    /** Print the equivalent {@code docker run} command; run nothing. */
    DRY_RUN
  }

  /** Where the image comes from. */
  public enum ImageSource {
    /** Built from the service's checkout, as {@code paasta cook-image} builds it. */
    BUILD,
    /** The image deployments.json names for the instance's deploy group, from the registry. */
    PULL
  }

  /** The same request running {@code cmd} (through a shell) instead of the instance's cmd/args. */
  public LocalRunRequest withCmd(String cmd) {
    return new LocalRunRequest(mode, imageSource, Optional.of(cmd), healthcheck, interactive);
  }

  /** The flags as given on the command line. */
  public record Flags(
      boolean build,
      boolean pull,
      boolean dryRun,
      String cmd,
      boolean interactive,
      boolean noHealthcheck,
      boolean healthcheckOnly) {}

  /**
   * The request the flags make.
   *
   * @throws UserException naming the flags that cannot go together
   */
  public static LocalRunRequest of(Flags flags) {
    List<String> conflicts = new ArrayList<>();
    if (flags.build() && flags.pull()) {
      conflicts.add("--build and --pull (the image is either built here or pulled)");
    }
    if (flags.healthcheckOnly() && flags.noHealthcheck()) {
      conflicts.add("-t/--healthcheck-only and -k/--no-healthcheck");
    }
    if (flags.healthcheckOnly() && flags.interactive()) {
      conflicts.add(
          "-t/--healthcheck-only and -I/--interactive (an interactive run has no"
              + " health check)");
    }
    if (flags.healthcheckOnly() && flags.dryRun()) {
      conflicts.add("-t/--healthcheck-only and --dry-run (a dry run starts nothing to check)");
    }
    if (!conflicts.isEmpty()) {
      throw new UserException("these options cannot go together: " + String.join("; ", conflicts));
    }
    Optional<String> cmd = Optional.ofNullable(flags.cmd());
    if (cmd.isPresent() && cmd.get().isBlank()) {
      throw new UserException("-C/--cmd is empty - give the command to run, e.g. -C 'env'");
    }
    Mode mode =
        flags.dryRun()
            ? Mode.DRY_RUN
            : flags.healthcheckOnly()
                ? Mode.HEALTHCHECK_ONLY
                : flags.interactive() ? Mode.INTERACTIVE : Mode.FOREGROUND;
    boolean healthcheck = !flags.noHealthcheck() && !flags.interactive();
    return new LocalRunRequest(
        mode,
        flags.pull() ? ImageSource.PULL : ImageSource.BUILD,
        cmd,
        healthcheck,
        flags.interactive());
  }
}

package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.cli.UserException;
import io.paasta.cli.localrun.LocalRunRequest.Flags;
import io.paasta.cli.localrun.LocalRunRequest.ImageSource;
import io.paasta.cli.localrun.LocalRunRequest.Mode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalRunRequestTest {
  private static Flags flags() {
    return new Flags(false, false, false, null, false, false, false);
  }

  @Test
  void noFlagsBuildsAndRunsInTheForegroundWithItsHealthCheck() {
    LocalRunRequest request = LocalRunRequest.of(flags());

    assertThat(request)
        .isEqualTo(
            new LocalRunRequest(Mode.FOREGROUND, ImageSource.BUILD, Optional.empty(), true, false));
  }

  @Test
  void buildIsTheDefaultAndMayBeGiven() {
    assertThat(LocalRunRequest.of(new Flags(true, false, false, null, false, false, false)))
        .isEqualTo(LocalRunRequest.of(flags()));
  }

  @Test
  void pullTakesTheDeployedImage() {
    LocalRunRequest request =
        LocalRunRequest.of(new Flags(false, true, false, null, false, false, false));

    assertThat(request.imageSource()).isEqualTo(ImageSource.PULL);
    assertThat(request.mode()).isEqualTo(Mode.FOREGROUND);
  }

  @Test
  void healthcheckOnlyKeepsTheHealthCheck() {
    LocalRunRequest request =
        LocalRunRequest.of(new Flags(false, false, false, null, false, false, true));

    assertThat(request.mode()).isEqualTo(Mode.HEALTHCHECK_ONLY);
    assertThat(request.healthcheck()).isTrue();
  }

  @Test
  void noHealthcheckTurnsTheCheckOff() {
    LocalRunRequest request =
        LocalRunRequest.of(new Flags(false, false, false, null, false, true, false));

    assertThat(request.mode()).isEqualTo(Mode.FOREGROUND);
    assertThat(request.healthcheck()).isFalse();
  }

  @Test
  void interactiveHasATtyAndNoHealthCheck() {
    LocalRunRequest request =
        LocalRunRequest.of(new Flags(false, false, false, null, true, false, false));

    assertThat(request.mode()).isEqualTo(Mode.INTERACTIVE);
    assertThat(request.interactive()).isTrue();
    assertThat(request.healthcheck()).isFalse();
  }

  @Test
  void dryRunWinsOverTheWayOfRunningAndKeepsInteractiveForThePrintedCommand() {
    LocalRunRequest request =
        LocalRunRequest.of(new Flags(false, true, true, "env", true, false, false));

    assertThat(request.mode()).isEqualTo(Mode.DRY_RUN);
    assertThat(request.interactive()).isTrue();
    assertThat(request.cmd()).contains("env");
    assertThat(request.imageSource()).isEqualTo(ImageSource.PULL);
  }

  @Test
  void cmdOverridesTheCommand() {
    assertThat(
            LocalRunRequest.of(new Flags(false, false, false, "echo hi", false, false, false))
                .cmd())
        .contains("echo hi");
  }

  @Test
  void aBlankCmdIsRefused() {
    assertThatThrownBy(
            () -> LocalRunRequest.of(new Flags(false, false, false, "  ", false, false, false)))
        .isInstanceOf(UserException.class)
        .hasMessage("-C/--cmd is empty - give the command to run, e.g. -C 'env'");
  }

  @Test
  void everyConflictIsNamedAtOnce() {
    assertThatThrownBy(
            () -> LocalRunRequest.of(new Flags(true, true, true, null, true, true, true)))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "these options cannot go together: --build and --pull (the image is either built"
                + " here or pulled); -t/--healthcheck-only and -k/--no-healthcheck;"
                + " -t/--healthcheck-only and -I/--interactive (an interactive run has no health"
                + " check); -t/--healthcheck-only and --dry-run (a dry run starts nothing to"
                + " check)");
  }

  @Test
  void healthcheckOnlyWithoutAHealthCheckIsRefused() {
    assertThatThrownBy(
            () -> LocalRunRequest.of(new Flags(false, false, false, null, false, true, true)))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("-t/--healthcheck-only and -k/--no-healthcheck");
  }
}

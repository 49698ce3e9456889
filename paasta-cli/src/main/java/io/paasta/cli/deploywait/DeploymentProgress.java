package io.paasta.cli.deploywait;

import io.paasta.cli.api.ApiException;
import io.paasta.cli.api.AppStatus;
import io.paasta.cli.api.InstanceStatus;
import io.paasta.cli.api.InstanceTarget;

/**
 * Decides, from one status answer, whether an instance runs a commit yet (pure). Done means: the
 * instance's deploy group is at the commit, only one app is left (no old version still up) and at
 * least as many of its tasks are healthy as are expected. A stopped instance, or one that wants no
 * tasks, is done as soon as it is at the commit.
 */
public final class DeploymentProgress {
  private DeploymentProgress() {}

  public static InstanceProgress of(InstanceTarget target, InstanceStatus status, String commit) {
    String want = shortSha(commit);
    if (status.gitSha().isEmpty()) {
      return waiting(target, "not deployed yet: waiting for the cluster to pick up " + want);
    }
    if (!status.gitSha().get().equalsIgnoreCase(commit)) {
      return waiting(
          target,
          "waiting for the cluster to pick up "
              + want
              + " (it still wants "
              + shortSha(status.gitSha().get())
              + ")");
    }
    if (status.stopped()) {
      return new InstanceProgress(target, true, "stopped: nothing to wait for");
    }
    if (status.app().isEmpty()) {
      return waiting(target, "waiting for the API to report its tasks");
    }
    AppStatus app = status.app().get();
    if (app.errorMessage().isPresent()) {
      return waiting(target, "error: " + app.errorMessage().get());
    }
    int happy = app.healthyInstanceCount();
    int expected = app.expectedInstanceCount();
    if (expected == 0) {
      return new InstanceProgress(target, true, "no tasks desired: nothing to wait for");
    }
    String counts = happy + "/" + expected + " new tasks happy";
    if (happy >= expected && app.appCount() == 1) {
      return new InstanceProgress(target, true, counts);
    }
    String more =
        app.appCount() > 1
            ? " (the old version is still up)"
            : app.appCount() < 1 ? " (no app yet)" : "";
    return waiting(target, counts + more);
  }

  /** An instance the API could not tell about this time: not done, and why. */
  public static InstanceProgress unanswered(InstanceTarget target, ApiException e) {
    if (e.kind() == ApiException.Kind.NOT_FOUND) {
      return waiting(target, "the API does not know this instance yet");
    }
    return waiting(target, "no answer: " + e.getMessage());
  }

  /** Before the first answer. */
  public static InstanceProgress unknown(InstanceTarget target) {
    return waiting(target, "waiting for the first answer");
  }

  private static InstanceProgress waiting(InstanceTarget target, String text) {
    return new InstanceProgress(target, false, text);
  }

  private static String shortSha(String sha) {
    return sha.length() > 8 ? sha.substring(0, 8) : sha;
  }
}

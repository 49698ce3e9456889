package io.paasta.server.status;

/** Where the deploy of a long-running instance is (SPEC section 10's {@code deploy_status}). */
public enum DeployStatus {
  /** The desired app runs its expected tasks, all happy, and no other app has tasks. */
  RUNNING("Running"),
  /** Bouncing or scaling: tasks of another app are alive, or fewer happy tasks than expected. */
  DEPLOYING("Deploying"),
  /** desired_state is stop (or the instance is configured with no tasks). */
  STOPPED("Stopped"),
  /** Missing tasks are held back by crash-loop backoff. */
  DELAYED("Delayed"),
  /** Missing tasks cannot be started: the last pass failed (image missing, engine refused). */
  WAITING("Waiting"),
  /** The instance's deploy group has no deployment. */
  NOT_RUNNING("NotRunning");

  private final String wireName;

  DeployStatus(String wireName) {
    this.wireName = wireName;
  }

  /** As PaaSTA wrote it: {@code Running}, {@code NotRunning}, ... */
  public String wireName() {
    return wireName;
  }
}

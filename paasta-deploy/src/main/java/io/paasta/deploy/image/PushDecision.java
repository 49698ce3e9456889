package io.paasta.deploy.image;

/** Whether push-to-registry sends an image, given what the registry already holds. */
public enum PushDecision {
  /** The registry lacks the image: push it. */
  PUSH,
  /** The registry has it, but a push was forced: push it again. */
  PUSH_AGAIN,
  /** The registry has it: nothing to do. */
  SKIP;

  public static PushDecision decide(boolean registryHasImage, boolean force) {
    if (!registryHasImage) {
      return PUSH;
    }
    return force ? PUSH_AGAIN : SKIP;
  }

  public boolean pushes() {
    return this != SKIP;
  }
}

package io.paasta.backend.kubernetes.render;

/**
 * An instance that cannot become Kubernetes objects (validate refuses such configs; the daemon
 * reports it for that instance only). The message names the instance, field and value.
 */
public final class RenderException extends IllegalArgumentException {
  public RenderException(String message) {
    super(message);
  }
}

package io.paasta.engine;

/**
 * The Docker engine cannot be used: {@code DOCKER_HOST} is no engine address, or the engine does
 * not answer. The message names the address and says what to do; the image builder and the Docker
 * backend pass it on in their own error types.
 */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}

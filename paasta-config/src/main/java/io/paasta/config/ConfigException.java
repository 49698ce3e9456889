package io.paasta.config;

/** A config problem that stops a command outright (a missing directory, an unknown service). */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}

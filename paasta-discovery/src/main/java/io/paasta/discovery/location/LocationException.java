package io.paasta.discovery.location;

/**
 * A location cannot be resolved: the host's system config lacks an attribute that a namespace
 * needs, or a namespace names a location in a form other than {@code <type>:<value>}. The message
 * names the system config key or the namespace field and says what is expected.
 */
public final class LocationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LocationException(String message) {
    super(message);
  }
}

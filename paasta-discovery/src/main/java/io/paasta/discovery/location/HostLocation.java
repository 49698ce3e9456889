package io.paasta.discovery.location;

import io.paasta.model.SystemConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where this host is: its location attributes ({@code habitat}, {@code region}, {@code
 * superregion}, {@code ecosystem}, ...) from the system config key {@code location}, e.g. {@code
 * "location": {"habitat": "local1", "region": "local", "superregion": "local", "ecosystem":
 * "devc"}}.
 */
public record HostLocation(Map<String, String> attributes) {
  /** The system config key that holds the attributes. */
  public static final String SYSTEM_CONFIG_KEY = "location";

  public HostLocation {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Reads the {@code location} key of the system config. A config without the key gives a host with
   * no attributes (resolving any location then fails with a message naming the key).
   *
   * @throws LocationException when {@code location} is not an object of strings
   */
  public static HostLocation fromSystemConfig(SystemConfig config) {
    Object raw = config.raw().get(SYSTEM_CONFIG_KEY);
    if (raw == null) {
      return new HostLocation(Map.of());
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new LocationException(
          "system config key '"
              + SYSTEM_CONFIG_KEY
              + "' is "
              + raw
              + "; expected an object such as {\"region\": \"uswest1-prod\", \"habitat\": \"uswest1a\"}");
    }
    Map<String, String> attributes = new TreeMap<>();
    map.forEach(
        (key, value) -> {
          if (!(value instanceof String text) || text.isBlank()) {
            throw new LocationException(
                "system config key '"
                    + SYSTEM_CONFIG_KEY
                    + "."
                    + key
                    + "' is "
                    + value
                    + "; expected a non-empty string");
          }
          attributes.put(String.valueOf(key), text);
        });
    return new HostLocation(attributes);
  }

  /** The value of one attribute, if the host has it. */
  public Optional<String> value(String type) {
    return Optional.ofNullable(attributes.get(type));
  }

  /**
   * This host's location of the given type.
   *
   * @param neededBy who needs it, for the error message (e.g. {@code namespace svc.main
   *     (advertise)})
   * @throws LocationException naming the missing system config key
   */
  public Location require(String type, String neededBy) {
    String value = attributes.get(type);
    if (value == null) {
      throw new LocationException(
          neededBy
              + " needs this host's '"
              + type
              + "', but the system config has no '"
              + SYSTEM_CONFIG_KEY
              + "."
              + type
              + "'; add it to a /etc/paasta/*.json file, e.g. \""
              + SYSTEM_CONFIG_KEY
              + "\": {\""
              + type
              + "\": \"...\"}"
              + (attributes.isEmpty() ? "" : " (it has " + attributes.keySet() + ")"));
    }
    return new Location(type, value);
  }
}

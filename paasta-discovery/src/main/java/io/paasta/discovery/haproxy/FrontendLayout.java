package io.paasta.discovery.haproxy;

/**
 * A namespace as rendered into the configuration: its spec and how many server slots its backend
 * has. Slots are pre-allocated so that endpoints come and go through the runtime API, without a
 * reload.
 */
public record FrontendLayout(FrontendSpec spec, int slots) {
  public FrontendLayout {
    if (slots < 1) {
      throw new IllegalArgumentException("a backend needs at least one server slot, not " + slots);
    }
  }
}

package io.paasta.server.metastatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a part the cluster needs answers (ZooKeeper, HAProxy), for metastatus.
 *
 * @param detail where it is, or why it is not OK
 */
public record ComponentHealth(String name, boolean ok, String detail) {
  public static ComponentHealth ok(String name, String detail) {
    return new ComponentHealth(name, true, detail);
  }

  public static ComponentHealth critical(String name, String detail) {
    return new ComponentHealth(name, false, detail);
  }

  /** {@code {"name", "status": "OK"|"CRITICAL", "detail"}} */
  public Map<String, Object> document() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", name);
    doc.put("status", ok ? "OK" : "CRITICAL");
    doc.put("detail", detail);
    return doc;
  }
}

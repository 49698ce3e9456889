package io.paasta.discovery.haproxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses the output of HAProxy's {@code show servers state} (format version 1: a version line, a
 * {@code #} line naming the columns, then one line per server) into slots by backend. Columns are
 * found by name, so added columns of later HAProxy versions do not matter.
 */
public final class ServersStateParser {
  private ServersStateParser() {}

  /** Slots by backend name; each backend's slots in slot order. */
  public static Map<String, List<ServerSlot>> parse(String output) {
    Map<String, List<ServerSlot>> byBackend = new TreeMap<>();
    List<String> columns = null;
    for (String line : output.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.startsWith("#")) {
        columns = List.of(trimmed.substring(1).strip().split("\\s+"));
        continue;
      }
      if (columns == null) {
        continue; // the version line
      }
      String[] fields = trimmed.split("\\s+");
      if (fields.length < columns.size()) {
        throw new IllegalArgumentException("a server state line has too few fields: " + trimmed);
      }
      ServerSlot slot = slot(columns, fields);
      byBackend.computeIfAbsent(slot.backend(), b -> new ArrayList<>()).add(slot);
    }
    byBackend.values().forEach(slots -> slots.sort(Comparator.comparingInt(ServerSlot::index)));
    return byBackend;
  }

  private static ServerSlot slot(List<String> columns, String[] fields) {
    return new ServerSlot(
        field(columns, fields, "be_name"),
        field(columns, fields, "srv_name"),
        Addresses.normalize(field(columns, fields, "srv_addr")),
        Integer.parseInt(field(columns, fields, "srv_port")),
        Integer.parseInt(field(columns, fields, "srv_admin_state")),
        Integer.parseInt(field(columns, fields, "srv_op_state")),
        Integer.parseInt(field(columns, fields, "srv_uweight")));
  }

  private static String field(List<String> columns, String[] fields, String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("show servers state has no column " + column);
    }
    return fields[i];
  }
}

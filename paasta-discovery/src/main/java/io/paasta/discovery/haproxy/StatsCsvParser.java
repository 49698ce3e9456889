package io.paasta.discovery.haproxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses HAProxy's stats CSV (the runtime API's {@code show stat}, or the stats page at {@code
 * /;csv;norefresh}) into a {@link ProxyStats}. Columns are found by name from the {@code # pxname,
 * svname,...} header; double-quoted fields may hold commas.
 */
public final class StatsCsvParser {
  private StatsCsvParser() {}

  public static ProxyStats parse(String csv) {
    List<String> columns = null;
    Map<String, String> frontends = new HashMap<>();
    Map<String, String> backendStatus = new LinkedHashMap<>();
    Map<String, List<ServerStats>> servers = new LinkedHashMap<>();
    for (String line : csv.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        columns = split(line.substring(1).strip());
        continue;
      }
      if (columns == null) {
        throw new IllegalArgumentException("stats CSV without a '# pxname,svname,...' header");
      }
      Row row = new Row(columns, split(line));
      String proxy = row.get("pxname");
      switch (row.get("svname")) {
        case "FRONTEND" -> frontends.put(proxy, row.get("status"));
        case "BACKEND" -> {
          backendStatus.put(proxy, row.get("status"));
          servers.computeIfAbsent(proxy, p -> new ArrayList<>());
        }
        default ->
            servers
                .computeIfAbsent(proxy, p -> new ArrayList<>())
                .add(
                    new ServerStats(
                        row.get("svname"),
                        row.get("addr"),
                        row.get("status"),
                        row.getInt("weight"),
                        row.getInt("scur")));
      }
    }
    Map<String, BackendStats> backends = new LinkedHashMap<>();
    servers.forEach(
        (name, list) ->
            backends.put(name, new BackendStats(name, backendStatus.getOrDefault(name, ""), list)));
    return new ProxyStats(frontends, backends);
  }

  /** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private record Row(List<String> columns, List<String> fields) {
    String get(String column) {
      int i = columns.indexOf(column);
      return i >= 0 && i < fields.size() ? fields.get(i) : "";
    }

    int getInt(String column) {
      String value = get(column);
      return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
  }
}

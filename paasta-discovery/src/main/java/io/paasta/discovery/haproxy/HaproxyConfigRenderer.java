package io.paasta.discovery.haproxy;

import io.paasta.model.ProxyMode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the whole HAProxy configuration of a host (pure): global settings (admin socket with
 * {@code expose-fd listeners} for hitless reloads, server state file), the stats page and, per
 * namespace, a frontend on {@code 127.0.0.1:proxy_port} and a backend of pre-allocated, disabled
 * server slots that the runtime API fills. The same input always gives the same text, so comparing
 * texts tells whether a reload is needed.
 */
public final class HaproxyConfigRenderer {
  /** Name of the proxy serving the stats page; no namespace may use it. */
  public static final String STATS_PROXY = "stats";

  /** The address an empty slot points at; it is never contacted (the slot is disabled). */
  static final String EMPTY_SLOT_ADDRESS = "127.0.0.1:1";

  private static final Pattern FRONTEND =
      Pattern.compile("^frontend (\\S+)\\n  bind 127\\.0\\.0\\.1:(\\d+)$", Pattern.MULTILINE);

  private HaproxyConfigRenderer() {}

  public static String render(ProxySettings settings, List<FrontendLayout> frontends) {
    StringBuilder out = new StringBuilder();
    out.append("# Written by paasta (io.paasta.discovery.haproxy); every apply rewrites it.\n");
    global(out, settings);
    defaults(out);
    stats(out, settings.statsPort());
    frontends.stream()
        .sorted(Comparator.comparing(f -> f.spec().name()))
        .forEach(
            f -> {
              frontend(out, f.spec());
              backend(out, f);
            });
    return out.toString();
  }

  /** The namespaces and proxy ports of a configuration this class rendered, by name. */
  public static Map<String, Integer> frontendPorts(String config) {
    Map<String, Integer> ports = new TreeMap<>();
    Matcher m = FRONTEND.matcher(config);
    while (m.find()) {
      ports.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return ports;
  }

  private static void global(StringBuilder out, ProxySettings settings) {
    out.append("\nglobal\n")
        .append("  maxconn 4096\n")
        .append("  stats socket ")
        .append(quoted(settings.adminSocket()))
        .append(" mode 600 level admin expose-fd listeners\n")
        .append("  stats timeout 10s\n")
        .append("  server-state-file ")
        .append(quoted(settings.serverStateFile()))
        .append('\n')
        .append("  hard-stop-after 30s\n");
  }

  private static void defaults(StringBuilder out) {
    out.append("\ndefaults\n")
        .append("  mode http\n")
        .append("  timeout connect 200ms\n")
        .append("  timeout client 1000ms\n")
        .append("  timeout server 1000ms\n")
        .append("  timeout check 1000ms\n")
        .append("  retries 1\n")
        .append("  option redispatch\n")
        .append("  load-server-state-from-file global\n");
  }

  private static void stats(StringBuilder out, int port) {
    out.append("\nlisten ")
        .append(STATS_PROXY)
        .append("\n  bind 127.0.0.1:")
        .append(port)
        .append('\n')
        .append("  mode http\n")
        .append("  stats enable\n")
        .append("  stats uri /\n")
        .append("  stats show-legends\n");
  }

  private static void frontend(StringBuilder out, FrontendSpec spec) {
    out.append("\nfrontend ")
        .append(spec.name())
        .append("\n  bind 127.0.0.1:")
        .append(spec.proxyPort())
        .append('\n')
        .append("  mode ")
        .append(haproxyMode(spec.mode()))
        .append('\n')
        .append("  timeout client ")
        .append(spec.timeoutClientMs())
        .append("ms\n")
        .append("  default_backend ")
        .append(spec.name())
        .append('\n');
  }

  private static void backend(StringBuilder out, FrontendLayout layout) {
    FrontendSpec spec = layout.spec();
    out.append("\nbackend ").append(spec.name()).append('\n');
    out.append("  mode ").append(haproxyMode(spec.mode())).append('\n');
    out.append("  balance leastconn\n");
    out.append("  option redispatch\n");
    out.append("  retries ").append(spec.retries()).append('\n');
    out.append("  timeout connect ").append(spec.timeoutConnectMs()).append("ms\n");
    out.append("  timeout server ").append(spec.timeoutServerMs()).append("ms\n");
    out.append("  timeout check ").append(spec.healthcheckTimeoutMs()).append("ms\n");
    spec.healthcheckUri()
        .ifPresent(uri -> out.append("  option httpchk GET ").append(uri).append('\n'));
    out.append("  default-server inter 2s fastinter 500ms downinter 1s rise 2 fall 2");
    if (spec.mode() == ProxyMode.HTTPS) {
      out.append(" ssl verify none");
    }
    out.append('\n');
    for (int i = 1; i <= layout.slots(); i++) {
      out.append("  server ")
          .append(ServerSlot.nameOf(i))
          .append(' ')
          .append(EMPTY_SLOT_ADDRESS)
          .append(" disabled check\n");
    }
  }

  /** HTTPS namespaces are plain HTTP on the local frontend and TLS towards the tasks. */
  private static String haproxyMode(ProxyMode mode) {
    return mode == ProxyMode.TCP ? "tcp" : "http";
  }

  private static String quoted(Path path) {
    return '"' + path.toString() + '"';
  }
}

package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.ProxyMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HaproxyConfigRendererTest {
  private static final ProxySettings SETTINGS =
      ProxySettings.defaults(Path.of("/run/paasta/haproxy"));

  @Test
  void rendersGlobalSettingsStatsAndOneNamespaceWithSmartStackDefaults() {
    String config =
        HaproxyConfigRenderer.render(
            SETTINGS, List.of(new FrontendLayout(FrontendSpec.withDefaults("web.main", 20001), 2)));
    assertThat(config)
        .isEqualTo(
            """
            # Written by paasta (io.paasta.discovery.haproxy); every apply rewrites it.

            global
              maxconn 4096
              stats socket "/run/paasta/haproxy/admin.sock" mode 600 level admin expose-fd listeners
              stats timeout 10s
              server-state-file "/run/paasta/haproxy/servers.state"
              hard-stop-after 30s

            defaults
              mode http
              timeout connect 200ms
              timeout client 1000ms
              timeout server 1000ms
              timeout check 1000ms
              retries 1
              option redispatch
              load-server-state-from-file global

            listen stats
              bind 127.0.0.1:3212
              mode http
              stats enable
              stats uri /
              stats show-legends

            frontend web.main
              bind 127.0.0.1:20001
              mode http
              timeout client 1000ms
              default_backend web.main

            backend web.main
              mode http
              balance leastconn
              option redispatch
              retries 1
              timeout connect 200ms
              timeout server 1000ms
              timeout check 1000ms
              option httpchk GET /status
              default-server inter 2s fastinter 500ms downinter 1s rise 2 fall 2
              server s1 127.0.0.1:1 disabled check
              server s2 127.0.0.1:1 disabled check
            """);
  }

  @Test
  void tcpNamespacesUseTcpModeAndConnectChecksHttpsOnesTlsToTheTasks() {
    FrontendSpec tcp =
        new FrontendSpec(
            "db.main", 20002, ProxyMode.TCP, 300, 5000, 6000, 3, Optional.empty(), 2000);
    FrontendSpec https =
        new FrontendSpec(
            "pay.main", 20003, ProxyMode.HTTPS, 200, 1000, 1000, 1, Optional.of("/health"), 1000);
    String config =
        HaproxyConfigRenderer.render(
            SETTINGS.withStatsPort(13212),
            List.of(new FrontendLayout(https, 1), new FrontendLayout(tcp, 3)));
    String db = section(config, "backend db.main");
    assertThat(db)
        .contains("  mode tcp\n", "  retries 3\n", "  timeout connect 300ms\n")
        .contains("  timeout server 6000ms\n", "  timeout check 2000ms\n", "  server s3 ")
        .doesNotContain("httpchk", "server s4 ");
    assertThat(section(config, "frontend db.main"))
        .contains("  mode tcp\n", "  timeout client 5000ms\n");
    assertThat(section(config, "backend pay.main"))
        .contains(
            "  mode http\n", "  option httpchk GET /health\n", "rise 2 fall 2 ssl verify none\n");
    assertThat(config).contains("listen stats\n  bind 127.0.0.1:13212\n");
    assertThat(config.indexOf("frontend db.main")).isLessThan(config.indexOf("frontend pay.main"));
  }

  @Test
  void theSameInputRendersTheSameTextWhateverTheOrder() {
    FrontendLayout a = new FrontendLayout(FrontendSpec.withDefaults("a.main", 20001), 16);
    FrontendLayout b = new FrontendLayout(FrontendSpec.withDefaults("b.main", 20002), 16);
    assertThat(HaproxyConfigRenderer.render(SETTINGS, List.of(a, b)))
        .isEqualTo(HaproxyConfigRenderer.render(SETTINGS, List.of(b, a)));
  }

  @Test
  void readsTheFrontendsAndPortsBackFromARenderedConfiguration() {
    String config =
        HaproxyConfigRenderer.render(
            SETTINGS,
            List.of(
                new FrontendLayout(FrontendSpec.withDefaults("web.main", 20001), 4),
                new FrontendLayout(FrontendSpec.withDefaults("web.canary", 20011), 4)));
    assertThat(HaproxyConfigRenderer.frontendPorts(config))
        .containsExactly(Map.entry("web.canary", 20011), Map.entry("web.main", 20001));
    assertThat(HaproxyConfigRenderer.frontendPorts("")).isEmpty();
  }

  private static String section(String config, String header) {
    int start = config.indexOf("\n" + header + "\n") + 1;
    assertThat(start).as(header).isPositive();
    int end = config.indexOf("\n\n", start);
    return config.substring(start, end < 0 ? config.length() : end + 1);
  }
}

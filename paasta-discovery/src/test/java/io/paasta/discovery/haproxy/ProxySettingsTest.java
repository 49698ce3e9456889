package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  @Test
  void filesLiveInTheStateDirectory() {
    ProxySettings settings = ProxySettings.defaults(Path.of("/run/paasta/haproxy"));
    assertThat(settings.statsPort()).isEqualTo(3212);
    assertThat(settings.initialSlots()).isEqualTo(16);
    assertThat(settings.adminSocket()).isEqualTo(Path.of("/run/paasta/haproxy/admin.sock"));
    assertThat(settings.masterSocket()).isEqualTo(Path.of("/run/paasta/haproxy/master.sock"));
    assertThat(settings.pidFile()).isEqualTo(Path.of("/run/paasta/haproxy/haproxy.pid"));
    assertThat(settings.servicesFile()).isEmpty();
  }

  @Test
  void aStateDirectoryTooLongForUnixSocketsIsRefusedWithTheReason() {
    Path deep = Path.of("/tmp", "x".repeat(80));
    assertThatThrownBy(() -> ProxySettings.defaults(deep))
        .hasMessageContaining(deep.toString())
        .hasMessageContaining("too long for its unix sockets");
  }
}

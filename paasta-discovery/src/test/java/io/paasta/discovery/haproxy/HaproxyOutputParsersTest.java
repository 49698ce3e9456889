package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsers of HAProxy 2.6's outputs, on outputs captured from /usr/sbin/haproxy. */
class HaproxyOutputParsersTest {
  @Test
  void statsCsvGivesFrontendsBackendsAndServersWithTheirStatus() throws IOException {
    ProxyStats stats = StatsCsvParser.parse(resource("show-stat.csv"));
    assertThat(stats.frontends()).containsEntry("svc.main", "OPEN").containsEntry("stats", "OPEN");
    BackendStats backend = stats.backend("svc.main").orElseThrow();
    assertThat(backend.status()).isEqualTo("UP");
    assertThat(backend.servers())
        .containsExactly(
            new ServerStats("s1", "127.0.0.1:18101", "UP", 1),
            new ServerStats("s2", "127.0.0.1:1", "MAINT", 1));
    assertThat(backend.availableCount()).isEqualTo(1);
    assertThat(backend.isUp("127.0.0.1:18101")).isTrue();
    assertThat(backend.isUp("127.0.0.1:1")).isFalse();
    assertThat(stats.availableCount("svc.main")).isEqualTo(1);
    assertThat(stats.availableCount("absent.main")).isZero();
    assertThat(stats.backend("stats").orElseThrow().servers()).isEmpty();
  }

  @Test
  void aServerIsAvailableWhenItsStatusStartsWithUp() {
    assertThat(new ServerStats("s1", "a:1", "UP", 1).available()).isTrue();
    assertThat(new ServerStats("s1", "a:1", "UP 1/2", 1).available()).isTrue();
    assertThat(new ServerStats("s1", "a:1", "DOWN 1/2", 1).available()).isFalse();
    assertThat(new ServerStats("s1", "a:1", "DRAIN", 1).available()).isFalse();
    assertThat(new ServerStats("s1", "a:1", "no check", 1).available()).isFalse();
  }

  @Test
  void quotedCsvFieldsMayHoldCommas() {
    String csv =
        "# pxname,svname,status,weight,check_desc,addr\n"
            + "b,s1,DOWN,1,\"Layer7 wrong status, code: 500\",10.0.0.1:80\n"
            + "b,BACKEND,DOWN,0,,\n";
    ServerStats server = StatsCsvParser.parse(csv).backend("b").orElseThrow().servers().get(0);
    assertThat(server).isEqualTo(new ServerStats("s1", "10.0.0.1:80", "DOWN", 1));
    assertThat(StatsCsvParser.split("a,\"b \"\"c\"\", d\","))
        .containsExactly("a", "b \"c\", d", "");
  }

  @Test
  void statsWithoutAHeaderAreRefused() {
    assertThatThrownBy(() -> StatsCsvParser.parse("b,s1,UP\n"))
        .hasMessageContaining("# pxname,svname");
  }

  @Test
  void serversStateGivesSlotsWithAddressPortAndAdminState() throws IOException {
    Map<String, List<ServerSlot>> slots =
        ServersStateParser.parse(resource("show-servers-state.txt"));
    assertThat(slots).containsOnlyKeys("svc.main");
    assertThat(slots.get("svc.main"))
        .containsExactly(
            new ServerSlot("svc.main", "s1", "127.0.0.1", 18101, 4, 2, 1),
            new ServerSlot("svc.main", "s2", "127.0.0.1", 1, 5, 0, 1));
    ServerSlot ready = slots.get("svc.main").get(0);
    ServerSlot free = slots.get("svc.main").get(1);
    assertThat(ready.free()).as("config-disabled then made ready").isFalse();
    assertThat(ready.target()).isEqualTo("127.0.0.1:18101");
    assertThat(free.free()).isTrue();
    assertThat(new ServerSlot("b", "s3", "10.0.0.1", 80, 12, 2, 1).draining()).isTrue();
    assertThat(ServersStateParser.parse("1\n")).isEmpty();
  }

  @Test
  void slotsAreInSlotOrderAndIpv6AddressesCompareInOneSpelling() {
    String state =
        "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight"
            + " srv_port\n"
            + "3 b 10 s10 ::1 2 0 1 8080\n"
            + "3 b 2 s2 0:0:0:0:0:0:0:1 2 0 1 8081\n";
    List<ServerSlot> slots = ServersStateParser.parse(state).get("b");
    assertThat(slots).extracting(ServerSlot::name).containsExactly("s2", "s10");
    assertThat(slots.get(1).target()).isEqualTo(new Target("::1", 8080, 1).key());
  }

  @Test
  void showProcGivesMasterReloadsFailuresAndCurrentWorkersOnly() {
    String showProc =
        """
        #<PID>          <type>          <reloads>       <uptime>        <version>
        9367            master          3 [failed: 1]   0d00h00m03s     2.6.12-1+deb12u4
        # workers
        9452            worker          0               0d00h00m01s     2.6.12-1+deb12u4
        # old workers
        9380            worker          1               0d00h00m02s     2.6.12-1+deb12u4
        # programs
        """;
    assertThat(MasterStatus.parse(showProc))
        .isEqualTo(new MasterStatus(9367, 3, 1, List.of(9452L)));
    assertThatThrownBy(() -> MasterStatus.parse("Unknown command"))
        .hasMessageContaining("no master");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HaproxyOutputParsersTest.class.getResourceAsStream("/haproxy/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

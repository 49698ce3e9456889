package io.paasta.discovery.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.discovery.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSnapshotTest {
  private static final String MAIN = "/nerve/region:local/svc.main";

  @Test
  void directChildrenBecomeSortedEndpoints() {
    Map<String, byte[]> nodes = new LinkedHashMap<>();
    nodes.put(MAIN, new byte[0]);
    nodes.put(MAIN + "/b", json("127.0.0.1", 31001));
    nodes.put(MAIN + "/a", json("127.0.0.1", 31000));
    nodes.put(MAIN + "/a/deeper", json("127.0.0.1", 31009));
    EndpointSnapshot snapshot =
        EndpointSnapshot.of(Map.of("svc.main", new EndpointSnapshot.NamespaceNodes(MAIN, nodes)));
    assertThat(snapshot.endpoints())
        .isEqualTo(
            Map.of(
                "svc.main",
                List.of(
                    new Endpoint("127.0.0.1", 31000, "127.0.0.1_31000", 10),
                    new Endpoint("127.0.0.1", 31001, "127.0.0.1_31001", 10))));
    assertThat(snapshot.garbage()).isEmpty();
  }

  @Test
  void garbageIsSetAsideWithItsPath() {
    Map<String, byte[]> nodes = new LinkedHashMap<>();
    nodes.put(MAIN + "/good", json("127.0.0.1", 31000));
    nodes.put(MAIN + "/text", "not json".getBytes(StandardCharsets.UTF_8));
    nodes.put(MAIN + "/noport", "{\"host\":\"h\"}".getBytes(StandardCharsets.UTF_8));
    EndpointSnapshot snapshot =
        EndpointSnapshot.of(Map.of("svc.main", new EndpointSnapshot.NamespaceNodes(MAIN, nodes)));
    assertThat(snapshot.endpoints().get("svc.main"))
        .extracting(Endpoint::port)
        .containsExactly(31000);
    assertThat(snapshot.garbage()).containsOnlyKeys(MAIN + "/text", MAIN + "/noport");
    assertThat(snapshot.garbage().get(MAIN + "/text")).contains("not JSON");
  }

  @Test
  void oneEndpointPerHostAndPortAndEmptyNamespacesStay() {
    Map<String, byte[]> nodes = new LinkedHashMap<>();
    nodes.put(MAIN + "/x_1", json("127.0.0.1", 31000));
    nodes.put(MAIN + "/x_2", json("127.0.0.1", 31000));
    EndpointSnapshot snapshot =
        EndpointSnapshot.of(
            Map.of(
                "svc.main", new EndpointSnapshot.NamespaceNodes(MAIN, nodes),
                "svc.canary",
                    new EndpointSnapshot.NamespaceNodes(
                        "/nerve/region:local/svc.canary", Map.of())));
    assertThat(snapshot.endpoints().get("svc.main")).hasSize(1);
    assertThat(snapshot.endpoints().get("svc.canary")).isEmpty();
  }

  private static byte[] json(String host, int port) {
    return ("{\"host\":\"" + host + "\",\"port\":" + port + "}").getBytes(StandardCharsets.UTF_8);
  }
}

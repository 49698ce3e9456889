package io.paasta.server.smartstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.ServiceInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canary pattern: which namespace an instance's replication check reads, expecting what. */
class NamespaceReplicationTest {
  private static final InstanceRef MAIN = ref("web", "main");
  private static final InstanceRef CANARY = ref("web", "canary");
  private static final InstanceRef OTHER = ref("web", "batch");
  private static final ServiceInstance WEB_MAIN = new ServiceInstance("web", "main");

  private static InstanceRef ref(String service, String instance) {
    return new InstanceRef(service, "c1", instance, InstanceKind.MARATHON);
  }

  private static final Map<InstanceRef, Integer> DESIRED = Map.of(MAIN, 2, CANARY, 1, OTHER, 5);

  @Test
  void theNamespaceExpectsEveryInstanceRegisteredInIt() {
    Map<InstanceRef, List<ServiceInstance>> registrations = new LinkedHashMap<>();
    registrations.put(MAIN, List.of(WEB_MAIN));
    registrations.put(CANARY, List.of(WEB_MAIN));
    registrations.put(OTHER, List.of(new ServiceInstance("web", "batch")));
    assertThat(NamespaceReplication.expected("web.main", registrations, DESIRED::get)).isEqualTo(3);
    assertThat(NamespaceReplication.expected("web.batch", registrations, DESIRED::get))
        .isEqualTo(5);
    assertThat(NamespaceReplication.expected("web.none", registrations, DESIRED::get)).isZero();
  }

  @Test
  void aSecondaryRegistrationCountsToo() {
    Map<InstanceRef, List<ServiceInstance>> registrations =
        Map.of(MAIN, List.of(WEB_MAIN), OTHER, List.of(new ServiceInstance("web", "b"), WEB_MAIN));
    assertThat(NamespaceReplication.expected("web.main", registrations, DESIRED::get)).isEqualTo(7);
  }

  @Test
  void theOwnerOfTheNamespaceIsJudgedByItAndTheCanaryByItsOwnTasks() {
    List<String> routed = List.of("web.main");
    assertThat(NamespaceReplication.checkedNamespace(MAIN, List.of(WEB_MAIN), routed))
        .contains("web.main");
    assertThat(NamespaceReplication.checkedNamespace(CANARY, List.of(WEB_MAIN), routed)).isEmpty();
  }

  @Test
  void aNamespaceThisHostDoesNotRouteIsNotRead() {
    assertThat(NamespaceReplication.checkedNamespace(MAIN, List.of(WEB_MAIN), List.of())).isEmpty();
    assertThat(NamespaceReplication.checkedNamespace(MAIN, List.of(), List.of("web.main")))
        .isEmpty();
  }
}

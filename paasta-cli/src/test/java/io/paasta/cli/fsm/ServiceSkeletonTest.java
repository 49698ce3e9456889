package io.paasta.cli.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.cli.UserException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceSkeletonTest {
  @Test
  void theLowestFreePortOfTheRange() {
    assertThat(ProxyPortChoice.first(Set.of())).isEqualTo(19000);
    assertThat(ProxyPortChoice.first(Set.of(19000, 19001, 19003, 20001))).isEqualTo(19002);
    assertThat(ProxyPortChoice.first(Set.of(18999, 21001))).isEqualTo(19000);
  }

  @Test
  void aFullRangeIsSaid() {
    Set<Integer> all = new HashSet<>();
    for (int port = 19000; port <= 21000; port++) {
      all.add(port);
    }
    assertThatThrownBy(() -> ProxyPortChoice.first(all))
        .isInstanceOf(UserException.class)
        .hasMessage("There are no more ports available in the range [19000, 21000]");
    all.remove(21000);
    assertThat(ProxyPortChoice.first(all)).isEqualTo(21000);
  }

  @Test
  void portsAreReadFromTheTextEvenQuotedOrInTemplates() {
    assertThat(
            UsedProxyPorts.of(
                "_t: &t\n  proxy_port: 20005\nmain:\n  proxy_port: 20001 # web\n"
                    + "b:\n  proxy_port: '20002'\nc:\n  proxy_port: null\n"))
        .containsExactly(20001, 20002, 20005);
  }

  @Test
  void oneMarathonFilePerClusterAndEveryDeployGroupInThePipeline() {
    ServiceSkeleton skeleton =
        new ServiceSkeleton(
            "shop",
            "team-a",
            "a \"shop\"",
            "http://wiki/shop",
            19004,
            List.of("local", "prod"),
            Optional.empty(),
            false);

    assertThat(skeleton.soaFiles().keySet())
        .containsExactly(
            "service.yaml",
            "monitoring.yaml",
            "smartstack.yaml",
            "marathon-local.yaml",
            "marathon-prod.yaml",
            "deploy.yaml");
    assertThat(skeleton.soaFiles().get("service.yaml"))
        .contains("description: \"a \\\"shop\\\"\"")
        .contains("external_link: \"http://wiki/shop\"")
        .doesNotContain("git_url");
    assertThat(skeleton.soaFiles().get("deploy.yaml"))
        .isEqualTo(
            "pipeline:\n  - step: itest\n  - step: push-to-registry\n  - step: local.canary\n"
                + "  - step: local.main\n    trigger_next_step_manually: true\n"
                + "  - step: prod.canary\n  - step: prod.main\n");
    assertThat(skeleton.soaFiles().get("marathon-local.yaml")).doesNotContain("cmd:");
  }
}

package io.paasta.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.ServiceInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobGraphTest {
  @TempDir Path soa;

  private static ServiceInstance job(String name) {
    return ServiceInstance.parse(name).orElseThrow();
  }

  @Test
  void parentsChildrenAndTheConnectedGraphInDependencyOrderAcrossServices() throws IOException {
    write(
        "a",
        "report:\n  parents: [b.extract]\n  cmd: x\nlone:\n  schedule: '0 1 * * *'\n  cmd: x\n");
    write(
        "b",
        "extract:\n  schedule: '0 0 * * *'\n  cmd: x\nmail:\n  parents: [a.report, b.extract]\n  cmd: x\n");

    JobGraph graph = ClusterJobs.graph(SoaConfigsLoader.open(soa), "local");

    assertThat(graph.parents(job("b.mail"))).containsExactly(job("a.report"), job("b.extract"));
    assertThat(graph.children(job("b.extract"))).containsExactly(job("a.report"), job("b.mail"));
    assertThat(graph.connected(job("b.mail")))
        .containsExactly(job("b.extract"), job("a.report"), job("b.mail"));
    assertThat(graph.connected(job("a.lone"))).containsExactly(job("a.lone"));
  }

  @Test
  void aCycleWhichValidateRefusesEndsInNameOrder() throws IOException {
    write(
        "a",
        "one:\n  parents: [a.two]\n  cmd: x\ntwo:\n  parents: [a.one]\n  cmd: x\n"
            + "three:\n  parents: [a.two, c.missing]\n  cmd: x\n");

    JobGraph graph = ClusterJobs.graph(SoaConfigsLoader.open(soa), "local");

    assertThat(graph.connected(job("a.three")))
        .containsExactly(job("a.one"), job("a.two"), job("a.three"));
    assertThat(graph.parents(job("a.three"))).containsExactly(job("a.two"), job("c.missing"));
  }

  private void write(String service, String chronos) throws IOException {
    Path dir = Files.createDirectories(soa.resolve(service));
    Files.writeString(dir.resolve("service.yaml"), "description: x\n");
    Files.writeString(dir.resolve("chronos-local.yaml"), chronos);
  }
}

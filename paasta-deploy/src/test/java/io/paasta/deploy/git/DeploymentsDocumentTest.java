package io.paasta.deploy.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact shape of deployments.json (SPEC section 3), and writing it only when it changes. */
class DeploymentsDocumentTest {
  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);

  @TempDir Path soa;

  private List<InstanceConfig> instances() throws Exception {
    Path dir = Files.createDirectories(soa.resolve("web"));
    Files.writeString(
        dir.resolve("marathon-norcal.yaml"),
        "main: {deploy_group: prod.everything}\ncanary: {deploy_group: prod.canary}\nworker: {}\n");
    return SoaConfigsLoader.open(soa).load("web").service().instances();
  }

  @Test
  void documentHasV1AndV2ExactlyAsPaastaWroteIt() throws Exception {
    TagIndex tags =
        new TagIndex(
            List.of(
                new TagRef("refs/tags/paasta-prod.everything-20260101T000000-deploy", A),
                new TagRef("refs/tags/paasta-prod.canary-20260102T000000-deploy", B),
                new TagRef("refs/tags/paasta-norcal.canary-20260103T000000-stop", B)));
    DeploymentsFile file = DeploymentsCalculator.calculate("web", instances(), tags);
    String json = new ObjectMapper().writeValueAsString(DeploymentsJson.document(file));

    assertThat(new ObjectMapper().readValue(json, Map.class))
        .isEqualTo(
            new ObjectMapper()
                .readValue(
                    """
                    {"v1": {
                       "web:paasta-norcal.canary": {"docker_image": "services-web:paasta-%2$s",
                                                    "desired_state": "stop", "force_bounce": "20260103T000000"},
                       "web:paasta-norcal.main": {"docker_image": "services-web:paasta-%1$s",
                                                  "desired_state": "start", "force_bounce": null}},
                     "v2": {
                       "deployments": {
                         "prod.canary": {"docker_image": "services-web:paasta-%2$s", "git_sha": "%2$s"},
                         "prod.everything": {"docker_image": "services-web:paasta-%1$s", "git_sha": "%1$s"}},
                       "controls": {
                         "web:norcal.canary": {"desired_state": "stop", "force_bounce": "20260103T000000"},
                         "web:norcal.main": {"desired_state": "start", "force_bounce": null}}}}
                    """
                        .formatted(A, B),
                    Map.class));
  }

  @Test
  void writtenAtomicallyAndOnlyWhenChanged() throws Exception {
    DeploymentsFile file =
        DeploymentsCalculator.calculate(
            "web",
            instances(),
            new TagIndex(List.of(new TagRef("paasta-prod.everything-20260101T000000-deploy", A))));
    DeploymentsWriter writer = new DeploymentsWriter();
    Path dir = soa.resolve("web");
    assertThat(writer.write(dir, DeploymentsJson.document(file)))
        .isEqualTo(DeploymentsWriter.Outcome.WRITTEN);
    long modified = Files.getLastModifiedTime(dir.resolve("deployments.json")).toMillis();
    assertThat(writer.write(dir, DeploymentsJson.document(file)))
        .isEqualTo(DeploymentsWriter.Outcome.UNCHANGED);
    assertThat(Files.getLastModifiedTime(dir.resolve("deployments.json")).toMillis())
        .isEqualTo(modified);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .doesNotContain(".deployments.json.tmp");
    }
    // and the loader reads back what was written
    var loaded = SoaConfigsLoader.open(soa).load("web");
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.service().deployments().orElseThrow().forDeployGroup("prod.everything"))
        .map(d -> d.gitSha())
        .contains(A);
  }
}

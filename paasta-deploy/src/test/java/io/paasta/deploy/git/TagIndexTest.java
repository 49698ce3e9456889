package io.paasta.deploy.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.DesiredState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagIndexTest {
  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);

  private static TagRef tag(String name, String sha) {
    return new TagRef("refs/tags/" + name, sha);
  }

  @Test
  void theNewestDeployTagWins() {
    TagIndex index =
        new TagIndex(
            List.of(
                tag("paasta-prod.main-20260101T000000-deploy", A),
                tag("paasta-prod.main-20260102T000000-deploy", B),
                tag("paasta-prod.main-20260103T000000-deploy", A),
                tag("unrelated", B)));
    assertThat(index.latestDeploy("prod.main")).map(PaastaTag::sha).contains(A);
    assertThat(index.deployHistory("prod.main")).extracting(PaastaTag::sha).containsExactly(A, B);
    assertThat(index.latestDeploy("dev.main")).isEmpty();
  }

  @Test
  void controlTagsCountOnlyOnTheDeployedSha() {
    TagIndex index =
        new TagIndex(
            List.of(
                tag("paasta-prod.main-20260101T000000-deploy", A),
                tag("paasta-norcal.main-20260102T000000-stop", A),
                tag("paasta-norcal.main-20260103T000000-start", B),
                tag("paasta-norcal.canary-20260104T000000-stop", A)));
    assertThat(index.desiredState("norcal.main", A)).isEqualTo(DesiredState.STOP);
    assertThat(index.desiredState("norcal.main", B)).isEqualTo(DesiredState.START);
    assertThat(index.control("norcal.main", B))
        .map(PaastaTag::timestamp)
        .contains("20260103T000000");
    assertThat(index.desiredState("norcal.other", A)).isEqualTo(DesiredState.START);
  }

  @Test
  void theNewestControlTagDecides() {
    TagIndex index =
        new TagIndex(
            List.of(
                tag("paasta-norcal.main-20260101T000000-stop", A),
                tag("paasta-norcal.main-20260105T000000-start", A),
                tag("paasta-norcal.main-20260103T000000-stop", A)));
    assertThat(index.control("norcal.main", A))
        .map(PaastaTag::name)
        .contains("paasta-norcal.main-20260105T000000-start");
  }
}

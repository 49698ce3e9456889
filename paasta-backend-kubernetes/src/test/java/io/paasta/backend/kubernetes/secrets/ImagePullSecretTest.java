package io.paasta.backend.kubernetes.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.paasta.backend.kubernetes.KubernetesBackends;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.model.KubernetesCluster;
import io.paasta.planning.backend.SecretResolver;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image pull secret made from the cluster's {@code docker_config}: in each managed namespace,
 * named by every pod, written again when the file changes, and left at its last good content when
 * the file is missing or no docker config (the status says so; other changes go on).
 */
class ImagePullSecretTest {
  private static final String NS = "paastasvc-svc";
  private static final String PASSWORD = "pull-Passw0rd";

  @TempDir Path dir;
  private Path file;
  private BackendHarness harness;

  @BeforeEach
  void start() throws IOException {
    file = dir.resolve("config.json");
    write(config("puller:" + PASSWORD), 1);
    KubernetesCluster cluster = BackendHarness.cluster(Optional.of(file.toString()));
    harness =
        new BackendHarness(
            cluster, KubernetesBackends.secretSettings(cluster, SecretResolver.NONE));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void thePullSecretIsMadeFromTheFileNamedByPodsAndWrittenAgainWhenItChanges() throws IOException {
    assertThat(kinds(harness.plan()))
        .containsExactly(
            "CREATE Namespace",
            "CREATE Secret paasta-image-pull",
            "CREATE ConfigMap paasta-image-pull-signature",
            "CREATE Deployment",
            "CREATE PodDisruptionBudget");
    harness.converge();
    Secret pull = pullSecret();
    assertThat(pull.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(decoded(pull)).isEqualTo(config("puller:" + PASSWORD));
    assertThat(
            harness
                .admin
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName("svc-main")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("paasta-image-pull");
    assertThat(harness.plan().actions()).isEmpty();

    write(config("puller:rotated-" + PASSWORD), 2);
    assertThat(kinds(harness.plan()))
        .containsExactly(
            "UPDATE Secret paasta-image-pull", "UPDATE ConfigMap paasta-image-pull-signature");
    harness.converge();
    assertThat(decoded(pullSecret())).isEqualTo(config("puller:rotated-" + PASSWORD));
    assertThat(
            harness
                .admin
                .configMaps()
                .inNamespace(NS)
                .withName("paasta-image-pull-signature")
                .get()
                .getData()
                .toString())
        .doesNotContain(PASSWORD)
        .doesNotContain(
            Base64.getEncoder()
                .encodeToString(("puller:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBrokenOrMissingFileLeavesThePullSecretAsItIsAndOtherChangesGoOn() throws IOException {
    harness.converge();
    write("{\"auths\": {\"registry.local:5000\": {\"auth\": \"puller:" + PASSWORD + "\"", 3);
    harness.fixture.instances = 4;
    Plan plan = harness.plan();
    assertThat(kinds(plan)).containsExactly("PATCH Deployment");
    assertThat(plan.status())
        .endsWith(
            "; the image pull secret "
                + NS
                + "/paasta-image-pull is left as it is: kubernetes_clusters.local.docker_config: "
                + file
                + " is not JSON (line 1, column 66) (expected a docker config.json the daemon may read: {\"auths\":"
                + " {\"<registry>\": {\"auth\": \"<base64 of user:password>\"}}})")
        .doesNotContain(PASSWORD);
    harness.execute(plan);

    write("{\"credsStore\": \"desktop\"}", 4);
    assertThat(harness.plan().status()).contains(file + " has no \"auths\" object");

    Files.delete(file);
    assertThat(harness.plan().status()).contains(file + " cannot be read (NoSuchFileException)");
    assertThat(harness.plan().actions()).isEmpty();
    assertThat(decoded(pullSecret())).isEqualTo(config("puller:" + PASSWORD)); // the last good one
  }

  private Secret pullSecret() {
    return harness.admin.secrets().inNamespace(NS).withName("paasta-image-pull").get();
  }

  private static String decoded(Secret secret) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(".dockerconfigjson")),
        StandardCharsets.UTF_8);
  }

  private static String config(String userPassword) {
    return "{\"auths\": {\"registry.local:5000\": {\"auth\": \""
        + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8))
        + "\"}}}";
  }

  /** Writes the file with a distinct modification time (as a later write has). */
  private void write(String content, int generation) throws IOException {
    Files.writeString(file, content);
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(generation)));
  }

  private static java.util.List<String> kinds(Plan plan) {
    return plan.actions().stream()
        .map(a -> (Action.ChangeObject) a)
        .map(
            c ->
                c.verb()
                    + " "
                    + c.kind()
                    + (c.kind().equals("Secret") || c.kind().equals("ConfigMap")
                        ? " " + c.name()
                        : ""))
        .toList();
  }
}

package io.paasta.backend.kubernetes.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.backend.kubernetes.testing.FakeSecrets;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.plan.PlanPrinter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The instances' secrets as Secret objects on the mock API server: written from the daemon's
 * resolver before the Deployment that refers to them, rotated with a rollout, kept at the last good
 * version when a new one cannot be decrypted, and never in a plan, a status or a message.
 */
class KubernetesSecretsTest {
  private static final String NS = "paastasvc-svc";
  private static final String DB = "paastasvc-svc-secret-svc-db--password";
  private static final String TOKEN = "paastasvc-svc-secret---shared-api--token";
  private static final String FIRST = "pl41n-first-Value";
  private static final String SECOND = "pl41n-second-Value";
  private static final String SHARED = "shared-T0ken-value";

  private final FakeSecrets secrets = new FakeSecrets();
  private final List<String> seen = new ArrayList<>();
  private BackendHarness harness;

  @BeforeEach
  void start() {
    harness =
        new BackendHarness(
            BackendHarness.CLUSTER, new SecretSettings("local", Optional.empty(), secrets));
    secrets.put("db_password", FIRST);
    secrets.put("api_token", SHARED);
    harness.fixture.env.put("DB_PASSWORD", "SECRET(db_password)");
    harness.fixture.env.put("API_TOKEN", "SHARED_SECRET(api_token)");
    signaturesChanged();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void secretsAreWrittenBeforeTheDeploymentAndARotationRollsIt() {
    Plan first = plan();
    assertThat(first.actions())
        .extracting(a -> describe(a))
        .containsExactly(
            "CREATE Namespace " + NS,
            "CREATE Secret " + TOKEN,
            "CREATE ConfigMap " + TOKEN + "-signature",
            "CREATE Secret " + DB,
            "CREATE ConfigMap " + DB + "-signature",
            "CREATE Deployment svc-main",
            "CREATE PodDisruptionBudget svc-main");
    converge();
    assertThat(value(DB, "db_password")).isEqualTo(FIRST);
    assertThat(value(TOKEN, "api_token")).isEqualTo(SHARED);
    assertThat(secret(DB).getType()).isEqualTo("Opaque");
    assertThat(env(deployment(), "DB_PASSWORD").getValueFrom().getSecretKeyRef())
        .satisfies(
            ref -> {
              assertThat(ref.getName()).isEqualTo(DB);
              assertThat(ref.getKey()).isEqualTo("db_password");
            });
    assertThat(plan().actions()).isEmpty();
    assertThat(plan().steady()).isTrue();

    String configSha = configSha();
    secrets.put("db_password", SECOND);
    signaturesChanged();
    Plan rotation = plan();
    assertThat(rotation.actions())
        .extracting(a -> describe(a))
        .containsExactly(
            "UPDATE Secret " + DB,
            "UPDATE ConfigMap " + DB + "-signature",
            "UPDATE Deployment svc-main",
            "UPDATE PodDisruptionBudget svc-main");
    converge();
    assertThat(value(DB, "db_password")).isEqualTo(SECOND);
    assertThat(value(TOKEN, "api_token")).isEqualTo(SHARED);
    assertThat(configSha()).isNotEqualTo(configSha); // the pods roll
    assertNoValueIn(String.join("\n", seen));
    assertNoValueIn(harness.admin.getKubernetesSerialization().asJson(everythingButSecrets()));
  }

  @Test
  void aSecretThatCannotBeDecryptedKeepsTheInstanceOnItsLastGoodObjects() {
    converge();
    String configSha = configSha();
    secrets.breakIt(
        "db_password",
        "svc env DB_PASSWORD: /soa/svc/secrets/db_password.json (ecosystem local): refused by"
            + " the authentication tag (tampered, or another key)");
    signaturesChanged();
    Plan blocked = plan();
    assertThat(blocked.actions()).isEmpty();
    assertThat(blocked.steady()).isFalse();
    assertThat(blocked.status())
        .startsWith("Bouncing to 01234567: 0/3 new ready, 3 old (3 Healthy)")
        .endsWith(
            "; nothing changed: Secret "
                + NS
                + "/"
                + DB
                + " cannot be written: secret not available: svc env DB_PASSWORD:"
                + " /soa/svc/secrets/db_password.json (ecosystem local): refused by the"
                + " authentication tag (tampered, or another key)");
    harness.fixture.instances = 5; // not even a scale goes out while the secret is broken
    assertThat(plan().actions()).isEmpty();
    assertThat(configSha()).isEqualTo(configSha);
    assertThat(value(DB, "db_password")).isEqualTo(FIRST);

    secrets.put("db_password", SECOND); // fixed
    signaturesChanged();
    converge();
    assertThat(value(DB, "db_password")).isEqualTo(SECOND);
    assertThat(harness.plan().status()).isEqualTo("Running: 5/5 ready (5 Healthy)");
    assertNoValueIn(String.join("\n", seen));
  }

  @Test
  void withoutASecretProviderAnInstanceThatUsesSecretsIsNotDeployed() {
    try (BackendHarness none = new BackendHarness()) {
      none.fixture.env.put("DB_PASSWORD", "SECRET(db_password)");
      Plan plan = none.plan();
      assertThat(plan.actions()).isEmpty();
      assertThat(plan.status())
          .endsWith(
              "nothing changed: Secret "
                  + NS
                  + "/"
                  + DB
                  + " cannot be written: the daemon of cluster local has no secret provider to"
                  + " decrypt SECRET(db_password) of svc with (see the README's secrets section:"
                  + " the ecosystem's private key)");
    }
  }

  @Test
  void whatTheApiServerAnswersToASecretsWriteIsPassedOnWithTheValueMasked() {
    String encoded = Base64.getEncoder().encodeToString(FIRST.getBytes(StandardCharsets.UTF_8));
    harness
        .mock
        .server()
        .expect()
        .post()
        .withPath("/api/v1/namespaces/" + NS + "/secrets")
        .andReturn(
            422,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(422)
                .withReason("Invalid")
                .withMessage(
                    "Secret \""
                        + DB
                        + "\" is invalid: data[db_password]: Invalid value: \""
                        + encoded
                        + "\" (decoded \""
                        + FIRST
                        + "\")")
                .build())
        .always();
    Plan plan = plan();
    List<Action> secretWrites =
        plan.actions().stream().filter(a -> describe(a).equals("CREATE Secret " + DB)).toList();
    harness.backend.execute(harness.fixture.ref(), plan.actions().get(0)); // the namespace
    assertThatThrownBy(() -> harness.backend.execute(harness.fixture.ref(), secretWrites.get(0)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("create Secret " + NS + "/" + DB + ": refused as invalid:")
        .hasMessageContaining("Invalid value: \"<secret value>\" (decoded \"<secret value>\")")
        .satisfies(e -> assertNoValueIn(e.getMessage()));
  }

  private Plan plan() {
    Plan plan = harness.plan();
    seen.add(PlanPrinter.print("svc.main", plan));
    plan.actions().forEach(a -> seen.add(((Action.ChangeObject) a).body()));
    return plan;
  }

  private void converge() {
    harness.execute(plan());
    harness.awaitNoActions();
    harness.controllers.settle(10);
    seen.add(plan().status());
  }

  private void signaturesChanged() {
    harness.fixture.secretSignatures = secrets.signatures(harness.fixture.env);
  }

  private static String describe(Action action) {
    Action.ChangeObject change = (Action.ChangeObject) action;
    return change.verb() + " " + change.kind() + " " + change.name();
  }

  private Secret secret(String name) {
    return harness.admin.secrets().inNamespace(NS).withName(name).get();
  }

  private String value(String secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret(secret).getData().get(key)), StandardCharsets.UTF_8);
  }

  private Deployment deployment() {
    return harness.admin.apps().deployments().inNamespace(NS).withName("svc-main").get();
  }

  private String configSha() {
    return deployment().getMetadata().getLabels().get("paasta.yelp.com/config_sha");
  }

  private static EnvVar env(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private List<Object> everythingButSecrets() {
    List<Object> all = new ArrayList<>();
    all.addAll(harness.admin.configMaps().inAnyNamespace().list().getItems());
    all.addAll(harness.admin.apps().deployments().inAnyNamespace().list().getItems());
    all.addAll(harness.admin.apps().replicaSets().inAnyNamespace().list().getItems());
    all.addAll(harness.admin.pods().inAnyNamespace().list().getItems());
    all.addAll(harness.admin.namespaces().list().getItems());
    return all;
  }

  private static void assertNoValueIn(String text) {
    for (String value : List.of(FIRST, SECOND, SHARED)) {
      assertThat(text)
          .doesNotContain(value)
          .doesNotContain(
              Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
  }
}

package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.localrun.DockerRunCommand;
import io.paasta.config.secrets.EncryptedSecret;
import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.config.secrets.SecretProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
  @TempDir Path soa;

  /** A provider whose plain text is the ciphertext reversed: enough to see what is replaced. */
  private static final SecretProvider REVERSING =
      new SecretProvider() {
        @Override
        public EncryptedSecret encrypt(String ecosystem, String name, String plaintext) {
          return new EncryptedSecret(new StringBuilder(plaintext).reverse().toString(), "s", "k");
        }

        @Override
        public String decrypt(String ecosystem, String name, EncryptedSecret secret, String where) {
          return new StringBuilder(secret.ciphertext()).reverse().toString();
        }
      };

  @Test
  void onlySecretValuesAreDecryptedAndMinusIPassesThemByName() {
    SecretFiles files = new SecretFiles(soa);
    files.write(
        files.path("hello-web", new io.paasta.model.SecretRef("token", false)),
        "local",
        REVERSING.encrypt("local", "token", "plain-token"));
    LocalContainer container = LocalContainerFactoryTest.container(Optional.empty(), true);
    List<String> env = new java.util.ArrayList<>(container.spec().env());
    env.add("API_TOKEN=SECRET(token)");
    LocalContainer withRef =
        LocalSecrets.withValues(
            new LocalContainer(
                container.ref(),
                container.appId(),
                container.spec().withEnv(env),
                container.healthcheck()),
            Map.of("NEW", "x"));
    assertThat(withRef.spec().env()).contains("API_TOKEN=SECRET(token)");
    assertThat(withRef.spec().env()).noneMatch(e -> e.startsWith("NEW="));

    Map<String, String> values =
        LocalSecrets.of(withRef, new SecretEnvResolver(REVERSING, files, "local"));

    assertThat(values).isEqualTo(Map.of("API_TOKEN", "plain-token"));
    assertThat(LocalSecrets.withValues(withRef, values).spec().env())
        .contains("API_TOKEN=plain-token")
        .doesNotContain("API_TOKEN=SECRET(token)");
    List<String> words = DockerRunCommand.words(withRef.spec(), true, false);
    assertThat(LocalSecrets.byName(words, values))
        .contains("--env=API_TOKEN")
        .noneMatch(w -> w.contains("plain-token") || w.contains("SECRET(token)"));
  }
}

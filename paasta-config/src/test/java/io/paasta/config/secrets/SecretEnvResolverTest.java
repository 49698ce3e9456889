package io.paasta.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEnvResolverTest {
  @TempDir Path dir;
  private SecretFiles files;
  private LocalKeySecretProvider provider;

  @BeforeEach
  void keys() {
    SealedBox box = new SealedBox(new SecureRandom());
    LocalKeyStore store = new LocalKeyStore(dir.resolve("keys"), dir.resolve("keys"));
    store.createIfMissing("devc", box);
    provider = new LocalKeySecretProvider(store, box);
    files = new SecretFiles(dir.resolve("soa"));
  }

  @Test
  void secretAndSharedSecretValuesAreDecryptedOthersKept() {
    add("svc", new SecretRef("db_pass", false), "p@ss");
    add("svc", new SecretRef("token", true), "t0k3n");

    Map<String, String> env =
        new SecretEnvResolver(provider, files, "devc")
            .resolve(
                "svc",
                Map.of(
                    "A", "SECRET(db_pass)", "B", "SHARED_SECRET(token)", "C", "SECRET(db_pass) "));

    assertThat(env).containsEntry("A", "p@ss").containsEntry("B", "t0k3n");
    assertThat(env).containsEntry("C", "SECRET(db_pass) ");
    assertThat(files.path("svc", new SecretRef("token", true)))
        .isEqualTo(dir.resolve("soa/_shared/secrets/token.json"));
  }

  @Test
  void aMissingFileOrEcosystemUsesValidatesMessages() {
    add("svc", new SecretRef("db_pass", false), "p@ss");
    Path file = dir.resolve("soa/svc/secrets/db_pass.json");

    assertThatThrownBy(
            () ->
                new SecretEnvResolver(provider, files, "prod")
                    .resolve("svc", Map.of("A", "SECRET(db_pass)")))
        .hasMessage(
            "svc env A: Secret db_pass not defined for ecosystem prod on secret file " + file);
    assertThatThrownBy(
            () ->
                new SecretEnvResolver(provider, files, "devc")
                    .resolve("svc", Map.of("A", "SECRET(nope)")))
        .hasMessage(
            "svc env A: Secret file " + dir.resolve("soa/svc/secrets/nope.json") + " not defined");
    assertThatThrownBy(
            () ->
                new SecretEnvResolver(provider, files, "devc")
                    .resolve("svc", Map.of("A", "SECRET(../svc/secrets/db_pass)")))
        .hasMessageContaining("holds '/' or '..'");
  }

  @Test
  void writingKeepsOtherEcosystemsAndKeys() throws Exception {
    Path file = dir.resolve("soa/svc/secrets/db_pass.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"note\": \"kept\", \"environments\": {\"prod\": {\"ciphertext\": \"x\", \"signature\": \"y\"}}}");
    add("svc", new SecretRef("db_pass", false), "p@ss");

    String text = Files.readString(file);
    assertThat(text).contains("\"note\" : \"kept\"").contains("\"prod\"").contains("\"devc\"");
    assertThat(text).doesNotContain("p@ss");
    assertThat(files.read(file, "db_pass", "prod").ciphertext()).isEqualTo("x");
  }

  private void add(String service, SecretRef ref, String plain) {
    files.write(files.path(service, ref), "devc", provider.encrypt("devc", ref.name(), plain));
  }
}

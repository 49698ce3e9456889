package io.paasta.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.config.secrets.LocalKeySecretProvider;
import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SealedBox;
import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.model.SecretRef;
import io.paasta.planning.backend.BackendException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSecretResolverTest {
  @TempDir Path dir;

  @Test
  void decryptsForTheTaskAndFailsOnlyThatStartNamingTheKeyFile() throws Exception {
    SealedBox box = new SealedBox(new SecureRandom());
    LocalKeyStore keys = new LocalKeyStore(dir.resolve("keys"), dir.resolve("keys"));
    keys.createIfMissing("local", box);
    LocalKeySecretProvider provider = new LocalKeySecretProvider(keys, box);
    SecretFiles files = new SecretFiles(dir.resolve("soa"));
    Path file = files.path("web", new SecretRef("db", false));
    files.write(file, "local", provider.encrypt("local", "db", "v4lue"));
    TaskSecretResolver resolver =
        new TaskSecretResolver(new SecretEnvResolver(provider, files, "local"));

    assertThat(resolver.resolve("web", Map.of("A", "SECRET(db)", "B", "b")))
        .isEqualTo(Map.of("A", "v4lue", "B", "b"));
    Map<String, String> plain = Map.of("B", "b");
    assertThat(resolver.resolve("web", plain)).isSameAs(plain);

    Files.delete(keys.privateKeyFile("local"));
    assertThatThrownBy(() -> resolver.resolve("web", Map.of("A", "SECRET(db)")))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith(
            "secret not available: web env A: no private key for ecosystem local at ")
        .hasMessageContaining(keys.privateKeyFile("local").toString());
  }
}

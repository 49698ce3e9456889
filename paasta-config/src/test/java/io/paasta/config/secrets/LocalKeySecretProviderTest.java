package io.paasta.config.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalKeySecretProviderTest {
  private static final String PLAIN = "hunter2-s3cr3t-value";
  private final SealedBox box = new SealedBox(new SecureRandom());

  @TempDir Path dir;

  private LocalKeySecretProvider provider(Path keys) {
    LocalKeyStore store = new LocalKeyStore(keys.resolve("pub"), keys.resolve("private"));
    store.createIfMissing("devc", box);
    return new LocalKeySecretProvider(store, box);
  }

  @Test
  void roundTrip() {
    LocalKeySecretProvider provider = provider(dir);
    EncryptedSecret secret = provider.encrypt("devc", "db_pass", PLAIN);

    assertThat(secret.ciphertext()).doesNotContain(PLAIN);
    assertThat(new String(Base64.getDecoder().decode(secret.ciphertext()))).doesNotContain(PLAIN);
    assertThat(secret.signature()).doesNotContain(PLAIN);
    assertThat(secret.keyName()).startsWith("paasta-local/devc/");
    assertThat(provider.decrypt("devc", "db_pass", secret, "f")).isEqualTo(PLAIN);
    assertThat(provider.decrypt("devc", "db_pass", provider.encrypt("devc", "db_pass", ""), "f"))
        .isEmpty();
  }

  @Test
  void signatureChangesWithTheValueAndRevealsNothingOfIt() {
    LocalKeySecretProvider provider = provider(dir);
    EncryptedSecret a = provider.encrypt("devc", "db_pass", PLAIN);
    EncryptedSecret b = provider.encrypt("devc", "db_pass", PLAIN + "x");

    assertThat(a.signature()).isNotEqualTo(b.signature());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    // a keyed hash: not the plain hash of the value
    assertThat(a.signature())
        .isNotEqualTo(
            Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(PLAIN.getBytes())));
  }

  @Test
  void aChangedCiphertextIsRefusedByTheTag() {
    LocalKeySecretProvider provider = provider(dir);
    EncryptedSecret secret = provider.encrypt("devc", "db_pass", PLAIN);
    byte[] bytes = Base64.getDecoder().decode(secret.ciphertext());
    bytes[bytes.length - 20] ^= 1;
    EncryptedSecret tampered =
        new EncryptedSecret(
            Base64.getEncoder().encodeToString(bytes), secret.signature(), secret.keyName());

    assertThatThrownBy(() -> provider.decrypt("devc", "db_pass", tampered, "db_pass.json (devc)"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("db_pass.json (devc): the ciphertext does not authenticate")
        .hasNoCause();
  }

  @Test
  void aCiphertextMovedToAnotherSecretDoesNotOpen() {
    LocalKeySecretProvider provider = provider(dir);
    EncryptedSecret secret = provider.encrypt("devc", "db_pass", PLAIN);

    assertThatThrownBy(() -> provider.decrypt("devc", "api_key", secret, "api_key.json"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("does not authenticate");
  }

  @Test
  void aSignatureEditedByHandIsRefused() {
    LocalKeySecretProvider provider = provider(dir);
    EncryptedSecret secret = provider.encrypt("devc", "db_pass", PLAIN);
    EncryptedSecret other = provider.encrypt("devc", "db_pass", "other");
    EncryptedSecret edited =
        new EncryptedSecret(secret.ciphertext(), other.signature(), secret.keyName());

    assertThatThrownBy(() -> provider.decrypt("devc", "db_pass", edited, "f"))
        .hasMessageContaining("the signature is not the one of the encrypted value")
        .hasMessageNotContaining(PLAIN);
  }

  @Test
  void aCiphertextOfAnotherKeyNamesBothKeys() {
    EncryptedSecret secret = provider(dir.resolve("a")).encrypt("devc", "db_pass", PLAIN);
    LocalKeySecretProvider other = provider(dir.resolve("b"));

    assertThatThrownBy(() -> other.decrypt("devc", "db_pass", secret, "db_pass.json (devc)"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("db_pass.json (devc): encrypted for key ")
        .hasMessageContaining(dir.resolve("b/private/devc.key").toString())
        .hasMessageContaining("wrong key");
  }

  @Test
  void aMissingPrivateKeySaysWhereAndHowToCreateIt() {
    EncryptedSecret secret = provider(dir).encrypt("devc", "db_pass", PLAIN);
    LocalKeySecretProvider elsewhere =
        new LocalKeySecretProvider(
            new LocalKeyStore(dir.resolve("pub"), dir.resolve("nowhere")), box);

    assertThatThrownBy(() -> elsewhere.decrypt("devc", "db_pass", secret, "f"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining(
            "no private key for ecosystem devc at " + dir.resolve("nowhere/devc.key"))
        .hasMessageContaining("paasta secret add");
  }

  @Test
  void aMissingPublicKeySaysWhere() {
    LocalKeySecretProvider provider =
        new LocalKeySecretProvider(new LocalKeyStore(dir.resolve("p"), dir.resolve("k")), box);

    assertThatThrownBy(() -> provider.encrypt("devc", "db_pass", PLAIN))
        .hasMessageContaining("no public key for ecosystem devc at " + dir.resolve("p/devc.pub"));
  }

  @Test
  void aPrivateKeyOthersMayReadIsRefused() throws Exception {
    LocalKeySecretProvider provider = provider(dir);
    EncryptedSecret secret = provider.encrypt("devc", "db_pass", PLAIN);
    Path key = dir.resolve("private/devc.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> provider.decrypt("devc", "db_pass", secret, "f"))
        .hasMessageContaining("the private key " + key + " may be read by others (mode rw-r--r--)")
        .hasMessageContaining("chmod 600 " + key);
  }

  @Test
  void anExistingKeyPairIsKept() throws Exception {
    LocalKeyStore store = new LocalKeyStore(dir.resolve("pub"), dir.resolve("private"));
    assertThat(store.createIfMissing("devc", box)).contains(dir.resolve("private/devc.key"));
    String before = Files.readString(dir.resolve("pub/devc.pub"));

    assertThat(store.createIfMissing("devc", box)).isEmpty();
    assertThat(Files.readString(dir.resolve("pub/devc.pub"))).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "../x", "a/b", "-x", "_x", "a b", "a.b"})
  void badNamesAreRefused(String name) {
    assertThat(SecretNames.problem(name)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"db_pass", "DB-PASS-2", "x", "9lives"})
  void goodNamesPass(String name) {
    assertThat(SecretNames.problem(name)).isEmpty();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

package io.paasta.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCommandTest {
  private static final String PLAIN = "pl41n-t3xt-value";

  @TempDir Path dir;
  private Path soa;
  private Path sys;

  @BeforeEach
  void tree() throws Exception {
    soa = dir.resolve("soa");
    sys = dir.resolve("etc");
    Files.createDirectories(soa.resolve("svc"));
    Files.writeString(soa.resolve("svc/service.yaml"), "description: a service\n");
    Files.writeString(
        soa.resolve("svc/marathon-local.yaml"),
        "main:\n  cmd: x\n  env:\n    DB: SECRET(db_pass)\n    PLAIN: p\n");
    Files.createDirectories(sys);
    Files.writeString(
        sys.resolve("00.json"),
        "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\","
            + " \"vault_cluster_map\": {\"local\": \"devc\"},"
            + " \"secret_key_dir\": \""
            + dir.resolve("private")
            + "\"}");
  }

  /** {@code paasta secret <args[0]> -y SOA --system-config-dir SYS <args[1..]>}. */
  private CliRun secret(String... args) {
    java.util.List<String> all =
        new java.util.ArrayList<>(
            java.util.List.of(
                "secret", args[0], "-y", soa.toString(), "--system-config-dir", sys.toString()));
    all.addAll(java.util.Arrays.asList(args).subList(1, args.length));
    return CliRun.run(all.toArray(new String[0]));
  }

  @Test
  void addCreatesTheKeyPairEncryptsAndPrintsTheEnvLine() throws Exception {
    CliRun add = secret("add", "-s", "svc", "-n", "db_pass", "-p", PLAIN);

    assertThat(add.exit()).as(add.all()).isZero();
    Path key = dir.resolve("private/devc.key");
    assertThat(add.out())
        .contains("Created the key pair of ecosystem devc: private key " + key)
        .contains("public key " + sys.resolve("secret-keys/devc.pub"))
        .contains(
            "Added secret db_pass for ecosystem devc in " + soa.resolve("svc/secrets/db_pass.json"))
        .contains("    PAASTA_SECRET_DB_PASS: SECRET(db_pass)")
        .doesNotContain(PLAIN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    String file = Files.readString(soa.resolve("svc/secrets/db_pass.json"));
    assertThat(file).contains("\"devc\"").contains("\"signature\"").doesNotContain(PLAIN);

    CliRun decrypt = secret("decrypt", "-s", "svc", "-n", "db_pass", "-c", "local");
    assertThat(decrypt.exit()).as(decrypt.all()).isZero();
    assertThat(decrypt.out()).isEqualTo(PLAIN + "\n");

    CliRun again = secret("add", "-s", "svc", "-n", "db_pass", "-p", "x");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("exists: change the secret with `paasta secret update`");
  }

  @Test
  void updateFromStdinChangesValueAndSignatureAndKeepsTheKeyPair() throws Exception {
    assertThat(secret("add", "-s", "svc", "-n", "db_pass", "-p", PLAIN).exit()).isZero();
    String before = Files.readString(soa.resolve("svc/secrets/db_pass.json"));
    InputStream stdin = System.in;
    CliRun update;
    try {
      System.setIn(new ByteArrayInputStream("n3w-value\n".getBytes(StandardCharsets.UTF_8)));
      update = secret("update", "-s", "svc", "-n", "db_pass", "-i", "-c", "local");
    } finally {
      System.setIn(stdin);
    }

    assertThat(update.exit()).as(update.all()).isZero();
    assertThat(update.out()).doesNotContain("Created the key pair").contains("Updated secret");
    assertThat(Files.readString(soa.resolve("svc/secrets/db_pass.json"))).isNotEqualTo(before);
    assertThat(secret("decrypt", "-s", "svc", "-n", "db_pass", "-c", "local").out())
        .isEqualTo("n3w-value\n");
  }

  @Test
  void sharedSecretsGoToTheSharedFolder() {
    CliRun add = secret("add", "--shared", "-n", "api-token", "-c", "local", "-p", PLAIN);

    assertThat(add.exit()).as(add.all()).isZero();
    assertThat(add.out()).contains("    PAASTA_SECRET_API_TOKEN: SHARED_SECRET(api-token)");
    assertThat(soa.resolve("_shared/secrets/api-token.json")).exists();
    assertThat(secret("decrypt", "--shared", "-n", "api-token", "-c", "local").out())
        .isEqualTo(PLAIN + "\n");
  }

  @Test
  void badInputIsRefusedWithOneLine() {
    assertThat(secret("add", "-s", "svc", "-n", "../x", "-p", PLAIN).err())
        .contains("error: secret name '../x' holds '/' or '..'");
    assertThat(secret("add", "-s", "svc", "-n", "_x", "-p", PLAIN).err())
        .contains("is not letters, digits");
    assertThat(secret("add", "-s", "svc", "-n", "x", "-p", "").err())
        .contains("error: the secret's value is empty");
    assertThat(secret("add", "-s", "svc", "-n", "x").err())
        .contains("exactly one of -p PLAINTEXT or -i");
    assertThat(secret("update", "-s", "svc", "-n", "x", "-p", PLAIN).err())
        .contains("does not exist: create the secret with `paasta secret add`");
    assertThat(secret("decrypt", "-s", "svc", "-n", "db_pass", "-c", "a,b").err())
        .contains("decrypt takes exactly one cluster");
    assertThat(secret("add", "-s", "nope", "-n", "x", "-p", PLAIN).err())
        .contains("service 'nope' is not in");
  }

  @Test
  void anEmptyValueOnStdinIsRefusedAndNothingIsWritten() {
    InputStream stdin = System.in;
    CliRun add;
    try {
      System.setIn(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)));
      add = secret("add", "-s", "svc", "-n", "db_pass", "-i");
    } finally {
      System.setIn(stdin);
    }

    assertThat(add.exit()).isNotZero();
    assertThat(add.err()).contains("error: the secret's value is empty");
    assertThat(soa.resolve("svc/secrets/db_pass.json")).doesNotExist();
  }

  @Test
  void decryptRefusesAPrivateKeyOthersMayReadNamingItAndTheFix() throws Exception {
    assertThat(secret("add", "-s", "svc", "-n", "db_pass", "-p", PLAIN).exit()).isZero();
    Path key = dir.resolve("private/devc.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun decrypt = secret("decrypt", "-s", "svc", "-n", "db_pass", "-c", "local");
    assertThat(decrypt.exit()).isEqualTo(1);
    assertThat(decrypt.err())
        .contains("the private key " + key + " may be read by others (mode rw-r--r--)")
        .contains("chmod 600 " + key)
        .doesNotContain(PLAIN);
    assertThat(decrypt.out()).doesNotContain(PLAIN);
  }

  @Test
  void decryptWithoutThePrivateKeyNamesItsPath() throws Exception {
    assertThat(secret("add", "-s", "svc", "-n", "db_pass", "-p", PLAIN).exit()).isZero();
    Files.delete(dir.resolve("private/devc.key"));

    CliRun decrypt = secret("decrypt", "-s", "svc", "-n", "db_pass", "-c", "local");
    assertThat(decrypt.exit()).isEqualTo(1);
    assertThat(decrypt.err())
        .contains(
            "svc env db_pass: no private key for ecosystem devc at "
                + dir.resolve("private/devc.key"))
        .doesNotContain("unexpected");
  }

  @Test
  void runGivesTheCommandTheInstancesEnvDecrypted() throws Exception {
    assertThat(secret("add", "-s", "svc", "-n", "db_pass", "-p", PLAIN).exit()).isZero();
    Path out = dir.resolve("out");

    CliRun run =
        secret(
            "run",
            "-s",
            "svc",
            "-i",
            "main",
            "-c",
            "local",
            "--",
            "sh",
            "-c",
            "printf '%s/%s' \"$DB\" \"$PLAIN\" > " + out + "; exit 3");
    assertThat(run.exit()).as(run.all()).isEqualTo(3);
    assertThat(Files.readString(out)).isEqualTo(PLAIN + "/p");
  }
}

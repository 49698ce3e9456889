package io.paasta.config.secrets;

import io.paasta.model.SystemConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key pairs of the local secret provider, one per ecosystem: the public key {@code <system
 * config dir>/secret-keys/<ecosystem>.pub} (may be copied to workstations and CI agents), the
 * private key {@code <secret_key_dir>/<ecosystem>.key} (system config key {@code secret_key_dir},
 * default the same {@code secret-keys} folder; mode 0600, on the daemon's host only, never in
 * soa-configs). A private key file that its group or others may read is refused.
 */
public final class LocalKeyStore {
  /** The system config key naming the private keys' folder. */
  public static final String KEY_DIR_KEY = "secret_key_dir";

  static final String FOLDER = "secret-keys";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private final Path publicDir;
  private final Path privateDir;

  public LocalKeyStore(Path publicDir, Path privateDir) {
    this.publicDir = publicDir;
    this.privateDir = privateDir;
  }

  /** The key store of a system config read from {@code systemConfigDir}. */
  public static LocalKeyStore of(Path systemConfigDir, SystemConfig system) {
    Path publicDir = systemConfigDir.resolve(FOLDER);
    return new LocalKeyStore(publicDir, configuredKeyDir(system).orElse(publicDir));
  }

  /**
   * The system config with {@code secret_key_dir} set to {@code <systemConfigDir>/secret-keys} when
   * it names none: what the daemon keeps, so that its parts find the private keys without knowing
   * where the system config was read from.
   */
  public static SystemConfig withKeyDir(SystemConfig system, Path systemConfigDir) {
    if (configuredKeyDir(system).isPresent()) {
      return system;
    }
    Map<String, Object> raw = new java.util.LinkedHashMap<>(system.raw());
    raw.put(KEY_DIR_KEY, systemConfigDir.resolve(FOLDER).toAbsolutePath().toString());
    return new SystemConfig(
        system.cluster(),
        system.dockerRegistry(),
        system.zookeeper(),
        system.volumes(),
        system.apiEndpoints(),
        system.dashboardLinks(),
        system.sensuHost(),
        system.sensuPort(),
        system.synapseHost(),
        system.synapsePort(),
        system.defaultLocalRunCluster(),
        raw);
  }

  /**
   * The private keys of a daemon's system config ({@code secret_key_dir}, else {@code
   * /etc/paasta/secret-keys}); it encrypts nothing, so it needs no public key folder.
   */
  public static LocalKeyStore forDaemon(SystemConfig system) {
    Path dir = configuredKeyDir(system).orElse(Path.of(SystemConfig.DEFAULT_DIR, FOLDER));
    return new LocalKeyStore(dir, dir);
  }

  private static Optional<Path> configuredKeyDir(SystemConfig system) {
    return system.raw().get(KEY_DIR_KEY) instanceof String s && !s.isBlank()
        ? Optional.of(Path.of(s))
        : Optional.empty();
  }

  /** The cluster's ecosystem: {@code vault_cluster_map}'s entry, else the cluster's name. */
  public static String ecosystem(SystemConfig system, String cluster) {
    return ecosystem(system.raw(), cluster);
  }

  /** As {@link #ecosystem(SystemConfig, String)}, from the merged system config's keys. */
  public static String ecosystem(Map<String, Object> systemConfig, String cluster) {
    if (systemConfig.get("vault_cluster_map") instanceof Map<?, ?> map
        && map.get(cluster) instanceof String ecosystem) {
      return ecosystem;
    }
    return cluster;
  }

  public Path publicKeyFile(String ecosystem) {
    return publicDir.resolve(SecretNames.check(ecosystem) + ".pub");
  }

  public Path privateKeyFile(String ecosystem) {
    return privateDir.resolve(SecretNames.check(ecosystem) + ".key");
  }

  /** The private key file when a key pair was made now; empty when the ecosystem had one. */
  public Optional<Path> createIfMissing(String ecosystem, SealedBox box) {
    Path publicFile = publicKeyFile(ecosystem);
    Path privateFile = privateKeyFile(ecosystem);
    if (Files.exists(publicFile) || Files.exists(privateFile)) {
      return Optional.empty();
    }
    KeyPair pair = box.newKeyPair();
    try {
      Files.createDirectories(privateDir);
      Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(
          privateFile,
          pem(PRIVATE, pair.getPrivate().getEncoded()) + pem(PUBLIC, pair.getPublic().getEncoded()),
          StandardCharsets.US_ASCII);
      Files.createDirectories(publicDir);
      Files.writeString(
          publicFile, pem(PUBLIC, pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SecretException(
          "cannot create the key pair of ecosystem "
              + ecosystem
              + " ("
              + privateFile
              + ", "
              + publicFile
              + "): "
              + e.getMessage());
    }
    return Optional.of(privateFile);
  }

  /**
   * @throws SecretException when the ecosystem has no public key here
   */
  public PublicKey publicKey(String ecosystem) {
    Path file = publicKeyFile(ecosystem);
    if (!Files.isRegularFile(file)) {
      throw new SecretException(
          "no public key for ecosystem "
              + ecosystem
              + " at "
              + file
              + ": `paasta secret add` creates the ecosystem's key pair when neither key exists;"
              + " else copy "
              + file.getFileName()
              + " from a host that has it");
    }
    return decodePublic(block(read(file), PUBLIC, file), file);
  }

  /** A private key with its public key (the key id names it). */
  public record PrivateKeyFile(Path file, PrivateKey key, PublicKey publicKey) {}

  /**
   * @throws SecretException when the file is missing, readable by group or others, or no key
   */
  public PrivateKeyFile privateKey(String ecosystem) {
    Path file = privateKeyFile(ecosystem);
    if (!Files.isRegularFile(file)) {
      throw new SecretException(
          "no private key for ecosystem "
              + ecosystem
              + " at "
              + file
              + ": create the key pair with `paasta secret add` on this host (it makes "
              + file.getFileName()
              + " and "
              + publicKeyFile(ecosystem)
              + " when neither exists), or copy the ecosystem's key file here with mode 0600");
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(mode)) {
        throw new SecretException(
            "the private key "
                + file
                + " may be read by others (mode "
                + PosixFilePermissions.toString(mode)
                + "): it is not used until only its owner may read it (chmod 600 "
                + file
                + ")");
      }
    } catch (UnsupportedOperationException | IOException e) {
      throw new SecretException("cannot read the mode of the private key " + file);
    }
    String text = read(file);
    try {
      PrivateKey key =
          KeyFactory.getInstance("X25519")
              .generatePrivate(new PKCS8EncodedKeySpec(block(text, PRIVATE, file)));
      return new PrivateKeyFile(file, key, decodePublic(block(text, PUBLIC, file), file));
    } catch (GeneralSecurityException e) {
      throw new SecretException(file + " holds no X25519 private key");
    }
  }

  private static PublicKey decodePublic(byte[] encoded, Path file) {
    try {
      return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new SecretException(file + " holds no X25519 public key");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new SecretException("cannot read the key file " + file + ": " + e.getMessage());
    }
  }

  private static byte[] block(String text, String label, Path file) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new SecretException(file + " holds no " + label + " block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to).trim());
    } catch (IllegalArgumentException e) {
      throw new SecretException(file + ": its " + label + " block is not base64");
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}

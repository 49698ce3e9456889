package io.paasta.config.secrets;

import java.security.PublicKey;

/**
 * The default provider: sealed boxes ({@link SealedBox}) for the ecosystems' key pairs in a {@link
 * LocalKeyStore}. Anyone with an ecosystem's public key may encrypt; decrypting needs its private
 * key, read from its file at each call (a replaced key file is used at once).
 */
public final class LocalKeySecretProvider implements SecretProvider {
  private final LocalKeyStore keys;
  private final SealedBox box;

  public LocalKeySecretProvider(LocalKeyStore keys, SealedBox box) {
    this.keys = keys;
    this.box = box;
  }

  @Override
  public EncryptedSecret encrypt(String ecosystem, String name, String plaintext) {
    PublicKey key = keys.publicKey(ecosystem);
    SealedBox.Sealed sealed = box.seal(key, context(ecosystem, name), plaintext);
    return new EncryptedSecret(sealed.ciphertext(), sealed.signature(), keyName(ecosystem, key));
  }

  @Override
  public String decrypt(String ecosystem, String name, EncryptedSecret secret, String where) {
    LocalKeyStore.PrivateKeyFile key = keys.privateKey(ecosystem);
    return box.open(
        key.key(),
        key.publicKey(),
        context(ecosystem, name),
        new SealedBox.Sealed(secret.ciphertext(), secret.signature()),
        where,
        key.file().toString());
  }

  /** {@code paasta-local/<ecosystem>/<key id>}. */
  static String keyName(String ecosystem, PublicKey key) {
    return "paasta-local/" + ecosystem + "/" + SealedBox.keyId(key);
  }

  private static String context(String ecosystem, String name) {
    return "paasta-secret/v1/" + ecosystem + "/" + name;
  }
}

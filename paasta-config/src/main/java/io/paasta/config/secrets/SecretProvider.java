package io.paasta.config.secrets;

/**
 * Encrypts secrets for an ecosystem and decrypts them where the ecosystem's key is: the shape of
 * PaaSTA's Vault provider ({@code encrypt_secret}, {@code decrypt_environment}, {@code
 * get_secret_signature_from_data}), which another provider (Vault, a KMS) can take.
 */
public interface SecretProvider {
  /**
   * The secret as {@code secrets/<name>.json} keeps it for {@code ecosystem}.
   *
   * @param name the secret's name (bound to the ciphertext)
   * @throws SecretException when the ecosystem has no key to encrypt for
   */
  EncryptedSecret encrypt(String ecosystem, String name, String plaintext);

  /**
   * The plain text.
   *
   * @param where names the secret in messages (file and ecosystem)
   * @throws SecretException naming the key file or secret when it cannot be decrypted
   */
  String decrypt(String ecosystem, String name, EncryptedSecret secret, String where);
}

package io.paasta.config.secrets;

/**
 * A secret that cannot be encrypted or decrypted: a missing or unsafe key file, a wrong key, a
 * tampered ciphertext, a bad name. The message names the file and what to do; it never holds a
 * plain text (nor does any cause: the JDK's crypto exceptions are not kept).
 */
public class SecretException extends io.paasta.config.ConfigException {
  private static final long serialVersionUID = 1L;

  public SecretException(String message) {
    super(message);
  }
}

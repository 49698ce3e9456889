package io.paasta.config.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hybrid encryption from the JDK alone, so that anyone with the public key may seal a value and
 * only the private key opens it: a fresh X25519 key pair per value, its key agreement with the
 * recipient's public key, HKDF-SHA256 deriving an AES-256-GCM key and an HMAC key, the value sealed
 * by AES-GCM (the tag refuses any change) with the context (ecosystem and secret name) as
 * associated data, so a ciphertext copied to another secret or ecosystem does not open.
 *
 * <p>The ciphertext is base64 of {@code version(1) | key id(8) | ephemeral public key (X.509) |
 * nonce(12) | AES-GCM output}. The signature is HMAC-SHA256 of the plain text under the derived
 * HMAC key: it changes whenever the value does (and at each sealing), reveals nothing without the
 * private key, and is checked when the value is opened.
 */
public final class SealedBox {
  static final byte VERSION = 1;
  private static final String CURVE = "X25519";
  private static final int KEY_ID_BYTES = 8;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int X509_KEY_BYTES = 44;

  private final SecureRandom random;

  public SealedBox(SecureRandom random) {
    this.random = random;
  }

  /** A sealed value: its ciphertext and signature, both base64. */
  public record Sealed(String ciphertext, String signature) {}

  /** A new X25519 key pair. */
  public KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(CURVE);
      generator.initialize(255, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + CURVE, e);
    }
  }

  /** The first 8 bytes of the SHA-256 of the public key, in hex: what names a key pair. */
  public static String keyId(PublicKey key) {
    return HexFormat.of().formatHex(keyIdBytes(key));
  }

  public Sealed seal(PublicKey recipient, String context, String plaintext) {
    try {
      KeyPair ephemeral = newKeyPair();
      byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
      Keys keys = derive(ephemeral.getPrivate(), recipient, ephemeralPublic, recipient);
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.aes(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out =
          ByteBuffer.allocate(
              1 + KEY_ID_BYTES + ephemeralPublic.length + NONCE_BYTES + sealed.length);
      out.put(VERSION).put(keyIdBytes(recipient)).put(ephemeralPublic).put(nonce).put(sealed);
      return new Sealed(
          Base64.getEncoder().encodeToString(out.array()), sign(keys.mac(), plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * The plain text of a sealed value.
   *
   * @param where names the secret in messages (its file and ecosystem)
   * @param keyFile names the private key's file in messages
   * @throws SecretException for a ciphertext of another key, a changed ciphertext (the tag) or a
   *     signature that is not the value's
   */
  public String open(
      PrivateKey key,
      PublicKey keyPublic,
      String context,
      Sealed sealed,
      String where,
      String keyFile) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed.ciphertext());
    } catch (IllegalArgumentException e) {
      throw new SecretException(where + ": the ciphertext is not base64");
    }
    int header = 1 + KEY_ID_BYTES + X509_KEY_BYTES + NONCE_BYTES;
    if (bytes.length < header + TAG_BITS / 8 || bytes[0] != VERSION) {
      throw new SecretException(
          where + ": the ciphertext is not one `paasta secret add` makes (encrypt it again)");
    }
    byte[] keyId = Arrays.copyOfRange(bytes, 1, 1 + KEY_ID_BYTES);
    if (!MessageDigest.isEqual(keyId, keyIdBytes(keyPublic))) {
      throw new SecretException(
          where
              + ": encrypted for key "
              + HexFormat.of().formatHex(keyId)
              + " but "
              + keyFile
              + " holds key "
              + keyId(keyPublic)
              + " (wrong key: encrypt the secret again with this cluster's public key)");
    }
    byte[] ephemeralPublic =
        Arrays.copyOfRange(bytes, 1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + X509_KEY_BYTES);
    byte[] nonce = Arrays.copyOfRange(bytes, header - NONCE_BYTES, header);
    String plaintext;
    Keys keys;
    try {
      PublicKey ephemeral =
          KeyFactory.getInstance(CURVE).generatePublic(new X509EncodedKeySpec(ephemeralPublic));
      keys = derive(key, ephemeral, ephemeralPublic, keyPublic);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, keys.aes(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      plaintext =
          new String(cipher.doFinal(bytes, header, bytes.length - header), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SecretException(
          where
              + ": the ciphertext does not authenticate (it was changed, or belongs to another"
              + " secret or ecosystem): encrypt it again with `paasta secret update`");
    }
    byte[] expected = sign(keys.mac(), plaintext).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sealed.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new SecretException(
          where
              + ": the signature is not the one of the encrypted value (the file was edited by"
              + " hand): encrypt it again with `paasta secret update`");
    }
    return plaintext;
  }

  private record Keys(SecretKeySpec aes, SecretKeySpec mac) {}

  private static Keys derive(
      PrivateKey own, PublicKey other, byte[] ephemeralPublic, PublicKey recipient)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance(CURVE);
    agreement.init(own);
    agreement.doPhase(other, true);
    byte[] shared = agreement.generateSecret();
    byte[] salt = concat(ephemeralPublic, recipient.getEncoded());
    byte[] prk = hmac(salt, shared);
    Arrays.fill(shared, (byte) 0);
    return new Keys(
        new SecretKeySpec(expand(prk, "paasta-secret aes-256-gcm"), "AES"),
        new SecretKeySpec(expand(prk, "paasta-secret signature"), "HmacSHA256"));
  }

  /** HKDF-Expand for one 32-byte block. */
  private static byte[] expand(byte[] prk, String info) throws GeneralSecurityException {
    return hmac(prk, concat(info.getBytes(StandardCharsets.US_ASCII), new byte[] {1}));
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static String sign(SecretKeySpec key, String plaintext) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static byte[] keyIdBytes(PublicKey key) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), KEY_ID_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

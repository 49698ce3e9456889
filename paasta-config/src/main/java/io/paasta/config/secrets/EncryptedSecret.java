package io.paasta.config.secrets;

/**
 * One ecosystem's entry of a {@code secrets/<name>.json}: the ciphertext, the signature (a keyed
 * hash of the plain text, part of the config hash) and the name of the key it is encrypted for.
 */
public record EncryptedSecret(String ciphertext, String signature, String keyName) {}

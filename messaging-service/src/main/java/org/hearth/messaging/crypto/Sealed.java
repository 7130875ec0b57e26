package org.hearth.messaging.crypto;

/**
 * Encrypted bytes as stored: the key version, the 96-bit nonce and the ciphertext with its 128-bit GCM tag.
 * Nothing about the plaintext is readable from it but its length.
 */
public record Sealed(int keyVersion, byte[] nonce, byte[] ciphertext) {}

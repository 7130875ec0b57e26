package org.hearth.messaging.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts message bodies and attachments with AES-256-GCM. Each agency has its own data key, derived from the
 * master key with HKDF-SHA256 (RFC 5869) and the agency id as context, so one agency's key never opens another's
 * data and no data key is ever stored. The associated data binds a ciphertext to the record it belongs to (a
 * message id): a body copied into another record does not decrypt. The master key comes from configuration
 * ({@code hearth.messaging.master-key}, 32 bytes in base64), never from the repository; its version is stored with
 * each ciphertext so that a new master key can be rolled in.
 */
public final class MessageCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "hearth-messaging-v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] masterKey;
    private final int keyVersion;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> agencyKeys = new ConcurrentHashMap<>();

    public MessageCipher(String base64MasterKey, int keyVersion) {
        if (base64MasterKey == null || base64MasterKey.isBlank()) {
            throw new IllegalStateException("hearth.messaging.master-key is not set: supply 32 random bytes in base64 "
                    + "(./hearth up generates one into .hearth/messaging-master-key)");
        }
        this.masterKey = Base64.getDecoder().decode(base64MasterKey.strip());
        if (masterKey.length != 32) {
            throw new IllegalStateException("hearth.messaging.master-key must be 32 bytes (256 bits) in base64");
        }
        this.keyVersion = keyVersion;
    }

    public Sealed seal(String tenantId, byte[] plaintext, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyOf(tenantId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyVersion, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public Sealed seal(String tenantId, String plaintext, String boundTo) {
        return seal(tenantId, plaintext.getBytes(StandardCharsets.UTF_8), boundTo);
    }

    /** @throws IllegalStateException if the bytes were altered, belong to another record or another agency */
    public byte[] open(String tenantId, Sealed sealed, String boundTo) {
        if (sealed.keyVersion() != keyVersion) {
            throw new IllegalStateException(
                    "sealed with master key version " + sealed.keyVersion() + ", this service has " + keyVersion);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyOf(tenantId), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored ciphertext does not open: altered, moved or another agency's", e);
        }
    }

    public String openText(String tenantId, Sealed sealed, String boundTo) {
        return new String(open(tenantId, sealed, boundTo), StandardCharsets.UTF_8);
    }

    private SecretKeySpec keyOf(String tenantId) {
        return agencyKeys.computeIfAbsent(
                tenantId,
                t -> new SecretKeySpec(hkdf(masterKey, ("agency:" + t).getBytes(StandardCharsets.UTF_8)), "AES"));
    }

    /** HKDF-SHA256 extract-and-expand to 32 bytes (one block of expand suffices). */
    static byte[] hkdf(byte[] inputKey, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation failed", e);
        }
    }
}

package org.hearth.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over a checkpoint's canonical JSON, with the deployment's key (a secret, never in the repository). */
public final class CheckpointSigner {

    private final byte[] key;

    public CheckpointSigner(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("hearth.audit.signing-key (HEARTH_AUDIT_SIGNING_KEY) is not set: the audit "
                    + "store cannot sign its checkpoints");
        }
        this.key = Base64.getDecoder().decode(base64Key.strip());
        if (key.length < 32) {
            throw new IllegalStateException("hearth.audit.signing-key must be at least 32 bytes (base64)");
        }
    }

    public String sign(Checkpoint checkpoint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(
                            CanonicalJson.of(checkpoint.signedContent()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(Checkpoint checkpoint) {
        return checkpoint.signature() != null
                && MessageDigest.isEqual(
                        sign(checkpoint).getBytes(StandardCharsets.US_ASCII),
                        checkpoint.signature().getBytes(StandardCharsets.US_ASCII));
    }
}

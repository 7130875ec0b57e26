package org.hearth.messaging.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MessageCipherTest {

    static final String KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final MessageCipher cipher = new MessageCipher(KEY, 1);

    @Test
    void aSealedBodyOpensOnlyForItsAgencyAndItsRecord() {
        Sealed sealed = cipher.seal("sunrise", "BP 190/110", "message-1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("190");
        assertThat(cipher.openText("sunrise", sealed, "message-1")).isEqualTo("BP 190/110");
        assertThatThrownBy(() -> cipher.open("riverbend", sealed, "message-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("sunrise", sealed, "message-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCiphertextIsRefusedAndEachSealingUsesAFreshNonce() {
        Sealed sealed = cipher.seal("sunrise", "hello", "m");
        byte[] altered = sealed.ciphertext().clone();
        altered[0] ^= 1;
        assertThatThrownBy(() -> cipher.open("sunrise", new Sealed(1, sealed.nonce(), altered), "m"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.seal("sunrise", "hello", "m").nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    void refusesAMissingOrShortMasterKey() {
        assertThatThrownBy(() -> new MessageCipher("", 1)).hasMessageContaining("master-key is not set");
        assertThatThrownBy(() -> new MessageCipher(Base64.getEncoder().encodeToString(new byte[16]), 1))
                .hasMessageContaining("32 bytes");
    }
}

package io.entry.device.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NfcKeyCipherTest {

    static final String KEY = "ZW50cnktZGVtby1uZmMta2V5LTAwMDAwMDAwMDAwMDE=";

    @Test
    void sealedKeyOpensOnlyForItsOwnRowAndNeverContainsThePlaintext() {
        NfcKeyCipher cipher = new NfcKeyCipher(KEY);
        byte[] sealed = cipher.seal("-----BEGIN EC PRIVATE KEY-----secret", "390|apple|k1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(cipher.open(sealed, "390|apple|k1")).isEqualTo("-----BEGIN EC PRIVATE KEY-----secret");
        assertThatThrownBy(() -> cipher.open(sealed, "129|apple|k1")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.seal("same", "b")).isNotEqualTo(cipher.seal("same", "b")); // fresh IV each time
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new NfcKeyCipher("c2hvcnQ=")).isInstanceOf(IllegalStateException.class);
    }
}

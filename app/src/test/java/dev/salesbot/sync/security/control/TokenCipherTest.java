package dev.salesbot.sync.security.control;

import dev.salesbot.sync.config.RequiredSetting;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    static final String KEY = "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=";
    static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    final TokenCipher cipher = new TokenCipher(Optional.of(KEY));

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt(TOKEN, "shopify:acme.myshopify.com:access");
        assertThat(sealed).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("shpat_");
        assertThat(cipher.decrypt(sealed, "shopify:acme.myshopify.com:access")).isEqualTo(TOKEN);
    }

    @Test
    void sealsTheSameTokenDifferentlyEachTime() {
        assertThat(cipher.encrypt(TOKEN, "c")).isNotEqualTo(cipher.encrypt(TOKEN, "c"));
    }

    @Test
    void refusesCiphertextMovedToAnotherConnection() {
        String sealed = cipher.encrypt(TOKEN, "shopify:acme.myshopify.com:access");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "shopify:other.myshopify.com:access"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(sealed);
    }

    @Test
    void refusesTamperedCiphertext() {
        String sealed = cipher.encrypt(TOKEN, "c");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesTheVariableWhenTheKeyIsMissingOrNot32Bytes() {
        assertThatThrownBy(() -> new TokenCipher(Optional.empty()).encrypt(TOKEN, "c"))
                .isInstanceOf(RequiredSetting.class).hasMessageContaining("TOKEN_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new TokenCipher(Optional.of("c2hvcnQ=")).encrypt(TOKEN, "c"))
                .isInstanceOf(RequiredSetting.class).hasMessageContaining("TOKEN_ENCRYPTION_KEY");
    }
}

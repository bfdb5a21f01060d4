package dev.salesbot.sync.security.control;

import dev.salesbot.sync.config.RequiredSetting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    static final String KEY = "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=";
    static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    final TokenCipher cipher = new TokenCipher(Optional.of(KEY));

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt(TOKEN, "shopify:acme.myshopify.com:access");
        assertThat(sealed).startsWith("v2:" + cipher.currentKeyId() + ":").doesNotContain(TOKEN).doesNotContain("shpat_");
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

    static final String OTHER_KEY = "3q2+7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWc=";
    static final Path RELEASE_0_1_0 = Path.of("src/test/resources/upgrade/0.1.0");

    @Test
    void opensWhatRelease010SealedUnderItsKeyCurrentOrPrevious() throws IOException {
        Properties capture = new Properties();
        try (var in = Files.newBufferedReader(RELEASE_0_1_0.resolve("capture.properties"))) {
            capture.load(in);
        }
        String shop = capture.getProperty("shop");
        Matcher row = Pattern.compile("'" + Pattern.quote(capture.getProperty("h2.merchant")) + "', TIMESTAMP '[^']*', '(v1:[^']+)'")
                .matcher(Files.readString(RELEASE_0_1_0.resolve("h2.sql")));
        assertThat(row.find()).as("the captured store's sealed refresh token (the column after the merchant's)").isTrue();
        String sealedBy010 = row.group(1);
        String key010 = capture.getProperty("TOKEN_ENCRYPTION_KEY");

        TokenCipher same = new TokenCipher(Optional.of(key010));
        TokenCipher rotated = new TokenCipher(Optional.of(OTHER_KEY), Optional.of(KEY + "," + key010));
        TokenCipher forgotten = new TokenCipher(Optional.of(OTHER_KEY), Optional.of(KEY));

        String token = same.decrypt(sealedBy010, "shopify:" + shop + ":refresh");
        assertThat(token).isNotBlank().doesNotContain(":");
        assertThat(rotated.decrypt(sealedBy010, "shopify:" + shop + ":refresh")).isEqualTo(token);
        assertThat(rotated.readability(sealedBy010, "shopify:" + shop + ":refresh")).isEqualTo(TokenCipher.Readability.OLDER_KEY);
        assertThatThrownBy(() -> forgotten.decrypt(sealedBy010, "shopify:" + shop + ":refresh")).isInstanceOf(UnreadableToken.class)
                .hasMessageStartingWith("stored token unreadable: check TOKEN_ENCRYPTION_KEY").hasMessageNotContaining(sealedBy010);
        assertThat(forgotten.readability(sealedBy010, "shopify:" + shop + ":refresh")).isEqualTo(TokenCipher.Readability.UNREADABLE);
    }

    @Test
    void valuesNameTheirKeySoARotatedKeyStillOpensWhatItSealedUntilItIsDropped() {
        String underOld = cipher.encrypt(TOKEN, "c");
        TokenCipher rotated = new TokenCipher(Optional.of(OTHER_KEY), Optional.of(KEY));
        TokenCipher dropped = new TokenCipher(Optional.of(OTHER_KEY));

        assertThat(rotated.decrypt(underOld, "c")).isEqualTo(TOKEN);
        assertThat(rotated.underCurrentKey(underOld)).isFalse();
        assertThat(rotated.readability(underOld, "c")).isEqualTo(TokenCipher.Readability.OLDER_KEY);
        String resealed = rotated.encrypt(rotated.decrypt(underOld, "c"), "c");
        assertThat(rotated.underCurrentKey(resealed)).isTrue();
        assertThat(rotated.readability(resealed, "c")).isEqualTo(TokenCipher.Readability.CURRENT_KEY);
        assertThat(dropped.decrypt(resealed, "c")).as("once re-sealed, the old key is not needed").isEqualTo(TOKEN);
        assertThatThrownBy(() -> dropped.decrypt(underOld, "c")).isInstanceOf(UnreadableToken.class);
        assertThat(dropped.readability(underOld, "c")).isEqualTo(TokenCipher.Readability.UNREADABLE);
        assertThat(rotated.currentKeyId()).hasSize(16).isNotEqualTo(cipher.currentKeyId()).doesNotContain(OTHER_KEY);
    }

    @Test
    void namesThePreviousKeysVariableWhenOneOfThemIsNot32Bytes() {
        assertThatThrownBy(() -> new TokenCipher(Optional.of(KEY), Optional.of(OTHER_KEY + ",c2hvcnQ=")).encrypt(TOKEN, "c"))
                .isInstanceOf(RequiredSetting.class).hasMessageContaining("TOKEN_ENCRYPTION_KEY_PREVIOUS");
    }
}

package dev.salesbot.sync.security.control;

import dev.salesbot.sync.config.RequiredSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * AES-256-GCM for tokens at rest, under {@code TOKEN_ENCRYPTION_KEY} (32 random bytes, base64).
 * Each value gets a fresh 96-bit IV; the {@code context} (e.g. {@code shopify:acme.myshopify.com})
 * is authenticated data, so a ciphertext copied onto another connection's row fails to decrypt.
 * Stored form: {@code v1:base64(iv || ciphertext || tag)}.
 */
@ApplicationScoped
public class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Optional<String> configuredKey;
    private SecretKey key;

    protected TokenCipher() {
        // for the CDI proxy
    }

    @Inject
    public TokenCipher(@ConfigProperty(name = "TOKEN_ENCRYPTION_KEY") Optional<String> key) {
        this.configuredKey = key;
    }

    public String encrypt(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("stored token is not in the v1 format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the stored value: it is the ciphertext of a secret.
            throw new IllegalStateException("stored token cannot be decrypted with TOKEN_ENCRYPTION_KEY", e);
        }
    }

    private SecretKey key() {
        if (key == null) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(configuredKey.map(String::trim).orElse(""));
            } catch (IllegalArgumentException e) {
                raw = new byte[0];
            }
            if (raw.length != 32) {
                throw new RequiredSetting("TOKEN_ENCRYPTION_KEY",
                        "32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)");
            }
            key = new SecretKeySpec(raw, "AES");
        }
        return key;
    }
}

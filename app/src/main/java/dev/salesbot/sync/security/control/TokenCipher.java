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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AES-256-GCM for tokens at rest. Each value gets a fresh 96-bit IV; the {@code context} (e.g.
 * {@code shopify:acme.myshopify.com:access}) is authenticated data, so a ciphertext copied onto
 * another connection's row fails to decrypt.
 *
 * <p>Keys rotate: {@code TOKEN_ENCRYPTION_KEY} (32 random bytes, base64) seals every new value;
 * {@code TOKEN_ENCRYPTION_KEY_PREVIOUS} (comma-separated) lists older keys that still open what they
 * sealed, until everything is sealed again under the current key. Stored form:
 * {@code v2:<key id>:base64(iv || ciphertext || tag)}, the key id being the first 8 bytes of a
 * SHA-256 of the key, in hex (it says which key, and nothing usable about it). Release 0.1.0's
 * {@code v1:base64(…)} carries no key id: every configured key is tried.
 */
@ApplicationScoped
public class TokenCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a stored value stands with the configured keys. */
    public enum Readability { CURRENT_KEY, OLDER_KEY, UNREADABLE }

    private Optional<String> configuredKey;
    private Optional<String> configuredPrevious;
    private volatile Keys keys;

    /** The configured keys by id, the current one first. */
    private record Keys(String currentId, SecretKey current, Map<String, SecretKey> byId) {
    }

    protected TokenCipher() {
        // for the CDI proxy
    }

    @Inject
    public TokenCipher(@ConfigProperty(name = "TOKEN_ENCRYPTION_KEY") Optional<String> key,
                       @ConfigProperty(name = "TOKEN_ENCRYPTION_KEY_PREVIOUS") Optional<String> previous) {
        this.configuredKey = key;
        this.configuredPrevious = previous;
    }

    /** A cipher with one key and none before it. */
    public TokenCipher(Optional<String> key) {
        this(key, Optional.empty());
    }

    public String encrypt(String plaintext, String context) {
        Keys k = keys();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return V2 + k.currentId() + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    /** @throws UnreadableToken when no configured key opens the value */
    public String decrypt(String stored, String context) {
        Keys k = keys();
        if (stored != null && stored.startsWith(V2)) {
            int end = stored.indexOf(':', V2.length());
            SecretKey key = end < 0 ? null : k.byId().get(stored.substring(V2.length(), end));
            if (key == null) {
                throw new UnreadableToken("sealed under a key that is neither TOKEN_ENCRYPTION_KEY nor in TOKEN_ENCRYPTION_KEY_PREVIOUS", null);
            }
            return open(stored.substring(end + 1), key, context)
                    .orElseThrow(() -> new UnreadableToken("its key id names a configured key, but the value does not open", null));
        }
        if (stored != null && stored.startsWith(V1)) {
            for (SecretKey key : k.byId().values()) {
                Optional<String> opened = open(stored.substring(V1.length()), key, context);
                if (opened.isPresent()) {
                    return opened.get();
                }
            }
            throw new UnreadableToken("no configured key opens it", null);
        }
        throw new UnreadableToken("it is not a sealed value", null);
    }

    /** Whether the value is sealed under the current key (what the re-seal job leaves everything in). */
    public boolean underCurrentKey(String stored) {
        return stored != null && stored.startsWith(V2 + keys().currentId() + ":");
    }

    /**
     * Where the value stands: under the current key, under an older configured one (to be sealed
     * again), or under none configured. Only release 0.1.0's {@code v1} values, which name no key,
     * are opened to tell.
     */
    public Readability readability(String stored, String context) {
        if (underCurrentKey(stored)) {
            return Readability.CURRENT_KEY;
        }
        try {
            if (stored != null && stored.startsWith(V2)) {
                int end = stored.indexOf(':', V2.length());
                return end > 0 && keys().byId().containsKey(stored.substring(V2.length(), end)) ? Readability.OLDER_KEY : Readability.UNREADABLE;
            }
            decrypt(stored, context);
            return Readability.OLDER_KEY;
        } catch (UnreadableToken e) {
            return Readability.UNREADABLE;
        }
    }

    /** The current key's id, as stored values name it. */
    public String currentKeyId() {
        return keys().currentId();
    }

    private static Optional<String> open(String encoded, SecretKey key, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never say more: the stored value is the ciphertext of a secret.
            return Optional.empty();
        }
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            SecretKey current = key(configuredKey.map(String::trim).orElse(""), "TOKEN_ENCRYPTION_KEY");
            Map<String, SecretKey> byId = new LinkedHashMap<>();
            byId.put(id(current), current);
            List<String> previous = new ArrayList<>();
            for (String value : configuredPrevious.map(String::trim).orElse("").split(",")) {
                if (!value.isBlank()) {
                    previous.add(value.trim());
                }
            }
            for (String value : previous) {
                SecretKey old = key(value, "TOKEN_ENCRYPTION_KEY_PREVIOUS");
                byId.putIfAbsent(id(old), old);
            }
            k = new Keys(id(current), current, Map.copyOf(byId));
            keys = k;
        }
        return k;
    }

    private static SecretKey key(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new RequiredSetting(setting, (setting.endsWith("_PREVIOUS") ? "comma-separated keys, each " : "")
                    + "32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The key's id: 8 bytes of a SHA-256 over a fixed label and the key, in hex. */
    static String id(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("salesbot-sync token key".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key.getEncoded()), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

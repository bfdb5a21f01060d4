package dev.salesbot.sandbox.shopify;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Shopify's memory of the Admin API access tokens it issued, shared by its OAuth
 * endpoints (which issue and refresh them) and its Admin API (which checks them).
 */
@ApplicationScoped
public class SandboxShopifyTokens {

    /** An issued token; {@code expiresAt} is null for a non-expiring offline token. */
    public record Issued(String shop, String scope, Instant expiresAt) {
        boolean validAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();

    public String issue(String shop, String scope, Instant expiresAt) {
        String token = "shpat_" + randomHex(16);
        accessTokens.put(token, new Issued(shop, scope, expiresAt));
        return token;
    }

    public void revoke(String token) {
        accessTokens.remove(token);
    }

    /** The token's grant if it is known, unexpired and was issued for {@code shop}. */
    public Optional<Issued> validFor(String shop, String token) {
        if (token == null) {
            return Optional.empty();
        }
        Issued issued = accessTokens.get(token);
        if (issued == null || !issued.shop().equals(shop) || !issued.validAt(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    /** Every token issued for {@code shop}; for tests that prove a token leaks nowhere. */
    public java.util.List<String> issuedFor(String shop) {
        return accessTokens.entrySet().stream()
                .filter(e -> e.getValue().shop().equals(shop))
                .map(Map.Entry::getKey)
                .toList();
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}

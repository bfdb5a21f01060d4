package dev.salesbot.sync.shopify.oauth;

import java.time.Instant;

/**
 * What Shopify's token endpoint granted. Expiring offline tokens carry an expiry and a refresh
 * token; legacy ones have neither. {@link #toString()} never shows a token.
 */
public record OfflineToken(String accessToken, String scope, Instant expiresAt,
                           String refreshToken, Instant refreshTokenExpiresAt) {

    public boolean expiring() {
        return expiresAt != null;
    }

    @Override
    public String toString() {
        return "OfflineToken[scope=" + scope + ", expiresAt=" + expiresAt + ", refreshable=" + (refreshToken != null) + "]";
    }
}

package dev.salesbot.sync.merchants.entity;

import java.time.OffsetDateTime;

/** A connection's tokens as stored: ciphertext only, with their expiry times (null: no expiry). */
public record SealedTokens(String accessToken, OffsetDateTime accessTokenExpiresAt,
                           String refreshToken, OffsetDateTime refreshTokenExpiresAt, String scope) {

    @Override
    public String toString() {
        return "SealedTokens[scope=" + scope + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}

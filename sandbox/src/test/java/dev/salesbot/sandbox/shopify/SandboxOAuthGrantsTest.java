package dev.salesbot.sandbox.shopify;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shopify's token endpoint as the sandbox plays it: codes, rotating refresh tokens, scopes and faults. */
class SandboxOAuthGrantsTest {

    static final String SHOP = "grant-garden.myshopify.com";
    static final String APP = "sandbox-shopify-app";
    static final String SCOPE = "read_products,read_discounts";
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    final SandboxOAuthGrants grants = new SandboxOAuthGrants();
    final SandboxTokenLedger ledger = new SandboxTokenLedger((Path) null);
    Instant now = START;

    @BeforeEach
    void wire() {
        SandboxShopifyTokens tokens = new SandboxShopifyTokens();
        tokens.ledger = ledger;
        grants.tokens = tokens;
        grants.ledger = ledger;
        grants.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Test
    void aUsedRefreshTokenStaysUsableUntilItsReplacementIsUsed() {
        String first = install().getString("refresh_token");

        String second = refresh(first).getString("refresh_token");
        assertThat(refresh(first).getString("refresh_token")).as("retried, as after a lost answer").isNotEqualTo(second);
        assertThat(refresh(second).getInt("expires_in")).isEqualTo(3600);

        SandboxOAuthGrants.Answer retired = grants.tokenRequest(SHOP, refreshForm(first));
        assertThat(retired.status()).isEqualTo(400);
        assertThat(retired.body().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aUsedRefreshTokenRetiresThirtyDaysAfterItsFirstUse() {
        String first = install().getString("refresh_token");
        refresh(first);

        now = START.plus(Duration.ofDays(31));

        assertThat(grants.tokenRequest(SHOP, refreshForm(first)).status()).isEqualTo(400);
    }

    @Test
    void aLostAnswerStillRotatedSoTheOldRefreshTokenMustBeRetried() {
        String first = install().getString("refresh_token");
        grants.setFaults(SHOP, 0, 0, 3600, null, 1);

        assertThat(grants.tokenRequest(SHOP, refreshForm(first)).status()).isEqualTo(503);
        assertThat(refresh(first).getString("access_token")).startsWith("shpat_");
    }

    @Test
    void grantsWhatTheStoreAllowsWhichCanBeLessThanAsked() {
        grants.setFaults(SHOP, 0, 0, 3600, "read_products", 0);
        assertThat(install().getString("scope")).isEqualTo("read_products");
    }

    @Test
    void revokingAScopeNarrowsEveryIssuedTokenOfTheShop() {
        String access = install().getString("access_token");
        assertThat(ledger.revokeScope(SHOP, "read_discounts")).isEqualTo(2);
        assertThat(ledger.find(SandboxTokenLedger.Kind.ACCESS, access).orElseThrow().scope()).isEqualTo("read_products");
    }

    private JsonObject install() {
        String code = grants.newCode(SHOP, APP, SCOPE);
        SandboxOAuthGrants.Answer answer = grants.tokenRequest(SHOP, Map.of("client_id", APP, "code", code, "expiring", "1"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private JsonObject refresh(String refreshToken) {
        SandboxOAuthGrants.Answer answer = grants.tokenRequest(SHOP, refreshForm(refreshToken));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, String> refreshForm(String refreshToken) {
        return Map.of("client_id", APP, "grant_type", "refresh_token", "refresh_token", refreshToken);
    }
}

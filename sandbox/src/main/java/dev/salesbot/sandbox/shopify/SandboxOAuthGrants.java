package dev.salesbot.sandbox.shopify;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated Shopify's grants: single-use authorization codes (10 minutes), expiring offline
 * tokens with 90-day refresh tokens kept across restarts in the {@link SandboxTokenLedger},
 * injected faults and counters for tests.
 *
 * <p>Refresh tokens rotate as Shopify's do since August 2026
 * (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens): a
 * refresh answers a new pair; the refresh token used stays usable (each use answers yet another
 * pair) until the app uses one of its replacements, which retires it, and at most 30 days after
 * its first use; never past its own 90-day life.
 */
@ApplicationScoped
public class SandboxOAuthGrants {

    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final long REFRESH_TTL_SECONDS = 90L * 24 * 3600;
    static final Duration RETRY_WINDOW = Duration.ofDays(30);

    record Code(String shop, String clientId, String scope, Instant expiresAt) {
    }

    /**
     * Per-shop behaviour set by tests: the next {@code count} token calls answer {@code status};
     * issued access tokens live {@code accessTokenTtlSeconds}; a code grants {@code grantedScope}
     * instead of what was asked (null: as asked); the next {@code dropAnswers} refreshes are carried
     * out but their answer is lost (503), as when a network fails after Shopify processed them.
     */
    record Faults(int tokenStatus, int count, long accessTokenTtlSeconds, String grantedScope, int dropAnswers) {
        static final Faults NONE = new Faults(0, 0, 3600, null, 0);
    }

    /** What the token endpoint should answer: an HTTP status and a JSON body. */
    public record Answer(int status, JsonObject body) {
    }

    @Inject
    SandboxShopifyTokens tokens;

    @Inject
    SandboxTokenLedger ledger;

    Clock clock = Clock.systemUTC();

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Faults> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();

    public String newCode(String shop, String clientId, String scope) {
        String code = SandboxShopifyTokens.randomHex(16);
        codes.put(code, new Code(shop, clientId, scope, clock.instant().plus(CODE_TTL)));
        return code;
    }

    /** The token endpoint's answer for a code exchange or a refresh (secret already checked). */
    public synchronized Answer tokenRequest(String shop, Map<String, String> form) {
        tokenRequests.computeIfAbsent(shop, k -> new AtomicInteger()).incrementAndGet();
        Answer fault = takeFault(shop);
        if (fault != null) {
            return fault;
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return exchange(shop, form);
        }
        Answer answer = refresh(shop, String.valueOf(form.get("refresh_token")));
        return answer.status() == 200 && takeDrop(shop)
                ? new Answer(503, SandboxJson.JSON.createObjectBuilder().add("errors", "Service Unavailable").build())
                : answer;
    }

    private Answer exchange(String shop, Map<String, String> form) {
        Code code = codes.remove(String.valueOf(form.get("code")));
        if (code == null || !code.shop().equals(shop) || !code.clientId().equals(form.get("client_id"))
                || clock.instant().isAfter(code.expiresAt())) {
            return error(400, "invalid_request", "The authorization code was not found or was already used.");
        }
        String granted = faultsOf(shop).grantedScope() != null ? faultsOf(shop).grantedScope() : code.scope();
        return grant(shop, granted, "1".equals(form.get("expiring")), null);
    }

    private Answer refresh(String shop, String refreshToken) {
        Instant now = clock.instant();
        SandboxTokenLedger.Grant used = ledger.find(SandboxTokenLedger.Kind.REFRESH, refreshToken).orElse(null);
        if (used == null || !used.shop().equals(shop) || !used.validAt(now)
                || used.usedAt() != null && now.isAfter(used.usedAt().plus(RETRY_WINDOW))) {
            return error(400, "invalid_grant", "The refresh token is invalid, expired or was replaced.");
        }
        Answer answer = grant(shop, used.scope(), true, SandboxTokenLedger.digest(SandboxTokenLedger.Kind.REFRESH, refreshToken));
        if (used.usedAt() == null) {
            ledger.put(SandboxTokenLedger.Kind.REFRESH, refreshToken, used.usedAt(now));
        }
        if (used.parent() != null) {
            ledger.removeDigest(used.parent()); // its replacement is in use now: the predecessor retires
        }
        return answer;
    }

    private Answer grant(String shop, String scope, boolean expiring, String parent) {
        JsonObjectBuilder body = SandboxJson.JSON.createObjectBuilder().add("scope", scope);
        Instant now = clock.instant();
        if (!expiring) {
            return new Answer(200, body.add("access_token", tokens.issue(shop, scope, null)).build());
        }
        long ttl = faultsOf(shop).accessTokenTtlSeconds();
        String refresh = "shprt_" + SandboxShopifyTokens.randomHex(16);
        ledger.put(SandboxTokenLedger.Kind.REFRESH, refresh,
                new SandboxTokenLedger.Grant(shop, scope, now.plusSeconds(REFRESH_TTL_SECONDS), null, parent));
        return new Answer(200, body
                .add("access_token", tokens.issue(shop, scope, now.plusSeconds(ttl)))
                .add("expires_in", ttl)
                .add("refresh_token", refresh)
                .add("refresh_token_expires_in", REFRESH_TTL_SECONDS)
                .build());
    }

    private Faults faultsOf(String shop) {
        return faults.getOrDefault(shop, Faults.NONE);
    }

    private Answer takeFault(String shop) {
        Faults f = faultsOf(shop);
        if (f.count() <= 0 || f.tokenStatus() == 0) {
            return null;
        }
        faults.put(shop, new Faults(f.tokenStatus(), f.count() - 1, f.accessTokenTtlSeconds(), f.grantedScope(), f.dropAnswers()));
        return f.tokenStatus() == 401
                ? error(401, "invalid_client", "Client authentication failed.")
                : new Answer(f.tokenStatus(), SandboxJson.JSON.createObjectBuilder().add("errors", "Internal Server Error").build());
    }

    private boolean takeDrop(String shop) {
        Faults f = faultsOf(shop);
        if (f.dropAnswers() <= 0) {
            return false;
        }
        faults.put(shop, new Faults(f.tokenStatus(), f.count(), f.accessTokenTtlSeconds(), f.grantedScope(), f.dropAnswers() - 1));
        return true;
    }

    static Answer error(int status, String error, String description) {
        return new Answer(status, SandboxJson.JSON.createObjectBuilder()
                .add("error", error).add("error_description", description).build());
    }

    void setFaults(String shop, int tokenStatus, int count, long accessTokenTtlSeconds, String grantedScope, int dropAnswers) {
        faults.put(shop, new Faults(tokenStatus, count, accessTokenTtlSeconds <= 0 ? 3600 : accessTokenTtlSeconds,
                grantedScope, Math.max(0, dropAnswers)));
    }

    int tokenRequests(String shop) {
        AtomicInteger n = tokenRequests.get(shop);
        return n == null ? 0 : n.get();
    }
}

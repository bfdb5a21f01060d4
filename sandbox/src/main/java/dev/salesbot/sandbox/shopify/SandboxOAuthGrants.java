package dev.salesbot.sandbox.shopify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated Shopify's grants: single-use authorization codes (10 minutes), refresh tokens
 * (rotated on use, as Shopify does, and kept across restarts in the {@link SandboxTokenLedger}),
 * injected faults and counters for tests.
 */
@ApplicationScoped
public class SandboxOAuthGrants {

    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final long REFRESH_TTL_SECONDS = 90L * 24 * 3600;

    record Code(String shop, String clientId, String scope, Instant expiresAt) {
    }

    /** Per-shop behaviour set by tests: the next {@code count} token calls answer {@code status}. */
    record Faults(int tokenStatus, int count, long accessTokenTtlSeconds) {
    }

    /** What the token endpoint should answer: an HTTP status and a JSON body. */
    public record Answer(int status, JsonObject body) {
    }

    @Inject
    SandboxShopifyTokens tokens;

    @Inject
    SandboxTokenLedger ledger;

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Faults> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();

    public String newCode(String shop, String clientId, String scope) {
        String code = SandboxShopifyTokens.randomHex(16);
        codes.put(code, new Code(shop, clientId, scope, Instant.now().plus(CODE_TTL)));
        return code;
    }

    /** The token endpoint's answer for a code exchange or a refresh (secret already checked). */
    public Answer tokenRequest(String shop, Map<String, String> form) {
        tokenRequests.computeIfAbsent(shop, k -> new AtomicInteger()).incrementAndGet();
        Answer fault = takeFault(shop);
        if (fault != null) {
            return fault;
        }
        if ("refresh_token".equals(form.get("grant_type"))) {
            SandboxTokenLedger.Grant refresh = ledger.remove(SandboxTokenLedger.Kind.REFRESH,
                    String.valueOf(form.get("refresh_token"))).orElse(null);
            if (refresh == null || !refresh.shop().equals(shop) || !refresh.validAt(Instant.now())) {
                return error(400, "invalid_grant", "The refresh token is invalid, expired or already used.");
            }
            return grant(shop, refresh.scope(), true);
        }
        Code code = codes.remove(String.valueOf(form.get("code")));
        if (code == null || !code.shop().equals(shop) || !code.clientId().equals(form.get("client_id"))
                || Instant.now().isAfter(code.expiresAt())) {
            return error(400, "invalid_request", "The authorization code was not found or was already used.");
        }
        return grant(shop, code.scope(), "1".equals(form.get("expiring")));
    }

    private Answer grant(String shop, String scope, boolean expiring) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("scope", scope);
        if (!expiring) {
            return new Answer(200, body.add("access_token", tokens.issue(shop, scope, null)).build());
        }
        long ttl = faults.getOrDefault(shop, new Faults(0, 0, 3600)).accessTokenTtlSeconds();
        String refresh = "shprt_" + SandboxShopifyTokens.randomHex(16);
        ledger.put(SandboxTokenLedger.Kind.REFRESH, refresh, new SandboxTokenLedger.Grant(shop, scope, Instant.now().plusSeconds(REFRESH_TTL_SECONDS)));
        return new Answer(200, body
                .add("access_token", tokens.issue(shop, scope, Instant.now().plusSeconds(ttl)))
                .add("expires_in", ttl)
                .add("refresh_token", refresh)
                .add("refresh_token_expires_in", REFRESH_TTL_SECONDS)
                .build());
    }

    private Answer takeFault(String shop) {
        Faults f = faults.get(shop);
        if (f == null || f.count() <= 0 || f.tokenStatus() == 0) {
            return null;
        }
        faults.put(shop, new Faults(f.tokenStatus(), f.count() - 1, f.accessTokenTtlSeconds()));
        return f.tokenStatus() == 401
                ? error(401, "invalid_client", "Client authentication failed.")
                : new Answer(f.tokenStatus(), Json.createObjectBuilder().add("errors", "Internal Server Error").build());
    }

    static Answer error(int status, String error, String description) {
        return new Answer(status, Json.createObjectBuilder()
                .add("error", error).add("error_description", description).build());
    }

    void setFaults(String shop, int tokenStatus, int count, long accessTokenTtlSeconds) {
        faults.put(shop, new Faults(tokenStatus, count, accessTokenTtlSeconds <= 0 ? 3600 : accessTokenTtlSeconds));
    }

    int tokenRequests(String shop) {
        AtomicInteger n = tokenRequests.get(shop);
        return n == null ? 0 : n.get();
    }
}

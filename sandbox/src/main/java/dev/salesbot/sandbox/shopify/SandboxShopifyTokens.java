package dev.salesbot.sandbox.shopify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Shopify's Admin API access tokens, shared by its OAuth endpoints (which issue and
 * refresh them) and its Admin API (which checks them). What each token grants is in the
 * {@link SandboxTokenLedger}, so it outlives a restart of this server as it would on Shopify.
 */
@ApplicationScoped
public class SandboxShopifyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    SandboxTokenLedger ledger;

    /** The tokens themselves (token → shop), only those issued since this start: for the leak tests' stats. */
    private final Map<String, String> issuedHere = new ConcurrentHashMap<>();

    public String issue(String shop, String scope, Instant expiresAt) {
        String token = "shpat_" + randomHex(16);
        ledger.put(SandboxTokenLedger.Kind.ACCESS, token, new SandboxTokenLedger.Grant(shop, scope, expiresAt));
        issuedHere.put(token, shop);
        return token;
    }

    public void revoke(String token) {
        ledger.remove(SandboxTokenLedger.Kind.ACCESS, token);
        issuedHere.remove(token);
    }

    /** The token's grant if it is known, unexpired and was issued for {@code shop}. */
    public Optional<SandboxTokenLedger.Grant> validFor(String shop, String token) {
        if (token == null) {
            return Optional.empty();
        }
        return ledger.find(SandboxTokenLedger.Kind.ACCESS, token).filter(g -> g.shop().equals(shop) && g.validAt(Instant.now()));
    }

    /** Every token issued for {@code shop} since this start; for tests that prove a token leaks nowhere. */
    public List<String> issuedFor(String shop) {
        return issuedHere.entrySet().stream()
                .filter(e -> e.getValue().equals(shop))
                .map(Map.Entry::getKey)
                .toList();
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}

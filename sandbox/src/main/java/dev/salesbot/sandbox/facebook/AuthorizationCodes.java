package dev.salesbot.sandbox.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes the Login dialog hands to the redirect URI. As on Facebook: single use, valid for ten
 * minutes, and redeemable only by the app they were issued to with the exact redirect_uri of the
 * dialog request. A wrong redirect_uri does not burn the code, so an attacker who guesses at
 * redirect URIs cannot stop the real callback from redeeming it.
 */
final class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Pending(Grant grant, String redirectUri, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(Grant grant, String redirectUri) {
        String code = "AQ" + Secrets.random(96);
        pending.put(code, new Pending(grant, redirectUri, clock.instant().plus(LIFETIME)));
        return code;
    }

    /** The grant behind {@code code}; the code cannot be redeemed again. */
    Grant redeem(String code, String clientId, String redirectUri) {
        if (code == null || code.isBlank()) {
            throw GraphError.missingParameter("code").exception();
        }
        if (redeemed.contains(code)) {
            throw GraphError.codeUsed().exception();
        }
        Pending found = pending.get(code);
        if (found == null || !found.grant().appId().equals(clientId)) {
            throw GraphError.invalidCode().exception();
        }
        if (!found.redirectUri().equals(redirectUri)) {
            throw GraphError.codeRedirectMismatch().exception();
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            pending.remove(code);
            throw GraphError.codeExpired().exception();
        }
        // remove() decides the race between two concurrent redemptions: only one gets the grant.
        if (pending.remove(code) == null) {
            throw GraphError.codeUsed().exception();
        }
        redeemed.add(code);
        return found.grant();
    }

    void clear() {
        pending.clear();
        redeemed.clear();
    }
}

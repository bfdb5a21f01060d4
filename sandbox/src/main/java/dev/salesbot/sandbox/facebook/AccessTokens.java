package dev.salesbot.sandbox.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User and Page access tokens the simulated Facebook issued, and the check every Graph call makes
 * on the token it was given. Page tokens are stable per grant and Page (listing
 * {@code /me/accounts} twice gives the same token, as on Facebook) and do not expire on their own;
 * a test expires them through the control API.
 */
final class AccessTokens {

    /** Meta's figure for a fresh user token from the code exchange (about 60 days). */
    static final long CODE_TOKEN_EXPIRES_IN = 5_183_944L;
    static final Duration LONG_LIVED = Duration.ofDays(60);

    enum Kind { USER, PAGE }

    /** An issued token; {@code pageId} only for a Page token, {@code expiresAt} null if it never expires. */
    record Issued(Kind kind, Grant grant, String pageId, Instant expiresAt, boolean longLived) {
    }

    private final Clock clock;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> pageTokenByGrantAndPage = new ConcurrentHashMap<>();

    AccessTokens(Clock clock) {
        this.clock = clock;
    }

    String issueUser(Grant grant, Duration lifetime, boolean longLived) {
        String token = Secrets.accessToken();
        tokens.put(token, new Issued(Kind.USER, grant, null, clock.instant().plus(lifetime), longLived));
        return token;
    }

    String pageToken(Grant grant, String pageId) {
        return pageTokenByGrantAndPage.computeIfAbsent(grant.id() + "\n" + pageId, key -> {
            String token = Secrets.accessToken();
            tokens.put(token, new Issued(Kind.PAGE, grant, pageId, null, true));
            return token;
        });
    }

    /** The token's grant, or the Graph error Facebook gives for a missing, unknown or expired token. */
    Issued resolve(String token) {
        if (token == null || token.isBlank()) {
            throw GraphError.missingToken().exception();
        }
        Issued issued = tokens.get(token);
        if (issued == null) {
            throw GraphError.invalidToken().exception();
        }
        if (issued.expiresAt() != null && !clock.instant().isBefore(issued.expiresAt())) {
            throw GraphError.expiredToken().exception();
        }
        return issued;
    }

    /** Every token issued so far for {@code pageId} now answers 190; tokens issued later work. */
    int expirePage(String pageId) {
        Instant past = clock.instant().minusSeconds(1);
        int[] expired = {0};
        tokens.replaceAll((token, issued) -> {
            if (issued.kind() == Kind.PAGE && issued.pageId().equals(pageId)) {
                expired[0]++;
                return new Issued(issued.kind(), issued.grant(), pageId, past, issued.longLived());
            }
            return issued;
        });
        // A later /me/accounts must hand out a fresh token, not the expired one.
        pageTokenByGrantAndPage.keySet().removeIf(key -> key.endsWith("\n" + pageId));
        return expired[0];
    }

    /** Every token ever issued, so a test can prove none of them leaked. */
    List<String> all() {
        return List.copyOf(tokens.keySet());
    }

    void clear() {
        tokens.clear();
        pageTokenByGrantAndPage.clear();
    }
}

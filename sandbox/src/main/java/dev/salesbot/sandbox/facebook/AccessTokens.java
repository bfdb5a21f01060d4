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

    enum Kind { USER, PAGE, APP }

    /** An issued token; {@code pageId} only for a Page token, {@code expiresAt} null if it never expires. */
    record Issued(Kind kind, Grant grant, String pageId, Instant expiresAt, boolean longLived) {
    }

    private final Clock clock;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> pageTokenByGrantAndPage = new ConcurrentHashMap<>();
    private final java.util.Set<String> revokedTokens = ConcurrentHashMap.newKeySet();

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

    /**
     * A Page token an earlier sandbox process issued under {@code grant}: Meta's tokens outlive a
     * test's processes, so a token issued before a restart is honoured after it.
     */
    void restorePageToken(String token, Grant grant, String pageId) {
        tokens.put(token, new Issued(Kind.PAGE, grant, pageId, null, true));
        pageTokenByGrantAndPage.put(grant.id() + "\n" + pageId, token);
    }

    /**
     * An app access token ({@code grant_type=client_credentials}); Graph also takes the literal
     * {@code {app-id}|{app-secret}} as one (https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens).
     */
    String issueApp(String appId) {
        String token = appId + "|" + Secrets.random(20);
        tokens.put(token, new Issued(Kind.APP, null, null, null, true));
        return token;
    }

    /** Whether {@code token} is an app token of {@code appId} (issued, or the id and secret joined by {@code |}). */
    boolean isAppToken(String token, String appId, String appSecret) {
        if (token == null) {
            return false;
        }
        Issued issued = tokens.get(token);
        if (issued != null) {
            return issued.kind() == Kind.APP && token.startsWith(appId + "|");
        }
        return java.security.MessageDigest.isEqual((appId + "|" + appSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether {@code token} is a live user or Page token (the only ones an {@code appsecret_proof} is checked for). */
    boolean isUserOrPageToken(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        return issued != null && issued.kind() != Kind.APP;
    }

    /** The user's every user and Page token stops working (190, subcode 458), as when they remove the app. */
    int revokeUser() {
        int[] revoked = {0};
        tokens.entrySet().removeIf(e -> {
            boolean user = e.getValue().kind() != Kind.APP;
            if (user) {
                revoked[0]++;
                revokedTokens.add(e.getKey());
            }
            return user;
        });
        pageTokenByGrantAndPage.clear();
        return revoked[0];
    }

    /** The token's grant, or the Graph error Facebook gives for a missing, unknown or expired token. */
    Issued resolve(String token) {
        if (token == null || token.isBlank()) {
            throw GraphError.missingToken().exception();
        }
        Issued issued = tokens.get(token);
        if (issued == null) {
            throw revokedTokens.contains(token) ? GraphError.appRemoved().exception() : GraphError.invalidToken().exception();
        }
        if (issued.kind() == Kind.APP) {
            throw GraphError.userTokenRequired().exception();
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

    /** Every token ever issued (revoked ones included), so a test can prove none of them leaked. */
    List<String> all() {
        List<String> all = new java.util.ArrayList<>(tokens.keySet());
        all.addAll(revokedTokens);
        return all;
    }

    void clear() {
        tokens.clear();
        pageTokenByGrantAndPage.clear();
        revokedTokens.clear();
    }
}

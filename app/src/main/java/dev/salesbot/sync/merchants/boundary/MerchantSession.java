package dev.salesbot.sync.merchants.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The merchant this browser session acts for, kept in the {@code HttpSession}. Set when a store
 * connects; the Facebook connect reads it so both land under the same {@code users/<uuid>/}.
 * Also the session's CSRF token for the merchant's forms, and a one-time message for the next page.
 */
@SessionScoped
public class MerchantSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UUID merchant;
    private String csrfToken;
    private String flash;

    public synchronized Optional<UUID> merchant() {
        return Optional.ofNullable(merchant);
    }

    /**
     * The merchant of {@code request}'s session, without making a session for a browser that has
     * none (asking the session-scoped bean would).
     */
    public static Optional<UUID> of(HttpServletRequest request, MerchantSession session) {
        return request.getSession(false) == null ? Optional.empty() : session.merchant();
    }

    public synchronized void actFor(UUID merchant) {
        this.merchant = merchant;
    }

    /** The session's CSRF token, made on first use: 32 random bytes. */
    public synchronized String csrfToken() {
        if (csrfToken == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return csrfToken;
    }

    /** Whether {@code sent} is the session's token, compared in constant time. */
    public synchronized boolean csrfMatches(String sent) {
        return csrfToken != null && sent != null
                && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized void flash(String message) {
        this.flash = message;
    }

    /** The message left for this page, once. */
    public synchronized Optional<String> takeFlash() {
        Optional<String> message = Optional.ofNullable(flash);
        flash = null;
        return message;
    }
}

package dev.salesbot.sync.admin.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What the admin's HTTP session holds: who logged in, and the CSRF token every state-changing
 * form and session API call must carry (32 random bytes, compared in constant time). The login
 * form has its own token, issued with the form, so a cross-site page cannot log a browser in
 * either.
 */
final class AdminSessions {

    static final String USER = "dev.salesbot.admin.user";
    static final String CSRF = "dev.salesbot.admin.csrf";
    static final String LOGIN_CSRF = "dev.salesbot.admin.login-csrf";
    static final String FLASH = "dev.salesbot.admin.flash";
    /** The form field and the header that carry the token. */
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminSessions() {
    }

    static Optional<String> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(USER));
    }

    /** The session's token for {@code attribute}, made on first use. */
    static String token(HttpSession session, String attribute) {
        synchronized (session.getId().intern()) {
            String token = (String) session.getAttribute(attribute);
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(attribute, token);
            }
            return token;
        }
    }

    static boolean matches(HttpSession session, String attribute, String presented) {
        if (session == null || presented == null) {
            return false;
        }
        String expected = (String) session.getAttribute(attribute);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** A one-time message for the next page (what an action did). */
    static void flash(HttpServletRequest request, String message) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(FLASH, message);
        }
    }

    static Optional<String> takeFlash(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        String message = (String) session.getAttribute(FLASH);
        session.removeAttribute(FLASH);
        return Optional.ofNullable(message);
    }
}

package dev.salesbot.sync.sessions.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/** The session cookie's name and flags ({@link BrowserSessions} says which), read and written as raw headers. */
record SessionCookie(String name, boolean secure) {

    /** A session id: 32 random bytes, base64url without padding. Anything else is no session. */
    private static final Pattern ID = Pattern.compile("\\A[A-Za-z0-9_-]{43}\\z");

    /** The first well-formed id the request's cookies carry under this name. */
    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && cookie.getValue() != null && ID.matcher(cookie.getValue()).matches()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The {@code Set-Cookie} value that gives the browser {@code id}. */
    String set(String id) {
        return name + "=" + id + flags();
    }

    /** The {@code Set-Cookie} value that removes it. */
    String clear() {
        return name + "=; Max-Age=0" + flags();
    }

    private String flags() {
        return "; Path=/" + (secure ? "; Secure" : "") + "; HttpOnly; SameSite=Lax";
    }
}

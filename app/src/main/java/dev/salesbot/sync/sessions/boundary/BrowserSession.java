package dev.salesbot.sync.sessions.boundary;

import dev.salesbot.sync.security.control.StateNonces;
import dev.salesbot.sync.sessions.control.BrowserSessionStore;
import dev.salesbot.sync.sessions.control.StoredSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * One request's view of its browser's session ({@link BrowserSessions#of}): whether it has one,
 * whom it acts for (a merchant, the admin, or both), its CSRF token, a one-time message for the
 * next page, and the nonces of the OAuth states it was given. The session is read from the
 * database on first use and made only when something must be kept ({@link #open}); a browser that
 * sends no cookie, or one for a session that ended, has none.
 *
 * <p>Ids are 32 random bytes; the database holds only their SHA-256. {@link #rotate} gives the
 * session a new id and a new CSRF token as soon as the merchant or the admin is known, so an id
 * seen before that is worth nothing after it.
 */
public final class BrowserSession implements StateNonces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrowserSessionStore store;
    private final SessionCookie cookie;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private boolean read;
    /** The session's id (the cookie's value) and row, when it has one. */
    private String id;
    private StoredSession row;

    BrowserSession(BrowserSessionStore store, SessionCookie cookie, HttpServletRequest request, HttpServletResponse response) {
        this.store = store;
        this.cookie = cookie;
        this.request = request;
        this.response = response;
    }

    /** The session's id, if the browser has a session: what an OAuth state is bound to. */
    public Optional<String> id() {
        load();
        return Optional.ofNullable(id);
    }

    public boolean exists() {
        return id().isPresent();
    }

    /** The session's id, made now if the browser has none (the cookie goes with this answer). */
    public String open() {
        load();
        if (id == null) {
            String fresh = randomToken();
            row = store.create(hash(fresh), randomToken());
            id = fresh;
            response.addHeader("Set-Cookie", cookie.set(fresh));
        }
        return id;
    }

    /** A new id and CSRF token for the session (made if there was none), whom it acts for kept. */
    public void rotate() {
        String old = open();
        String fresh = randomToken();
        Optional<StoredSession> moved = store.rotate(hash(old), hash(fresh), randomToken());
        row = moved.orElseGet(() -> store.create(hash(fresh), randomToken()));
        id = fresh;
        response.addHeader("Set-Cookie", cookie.set(fresh));
    }

    /** The merchant the session acts for. */
    public Optional<UUID> merchant() {
        load();
        return row == null ? Optional.empty() : row.merchant();
    }

    /** From now on the session acts for {@code merchant}: call {@link #rotate} first. */
    public void actFor(UUID merchant) {
        open();
        store.actFor(hash(id), merchant);
        row = new StoredSession(row.idHash(), row.createdAt(), row.lastSeenAt(), row.csrfToken(), Optional.of(merchant), row.admin(), row.flash());
    }

    /** The admin logged in to this session. */
    public Optional<String> admin() {
        load();
        return row == null ? Optional.empty() : row.admin();
    }

    /** The admin is known: a new id, then the session is the admin's. */
    public void logIn(String user) {
        rotate();
        store.admin(hash(id), user);
        row = new StoredSession(row.idHash(), row.createdAt(), row.lastSeenAt(), row.csrfToken(), row.merchant(), Optional.of(user), row.flash());
    }

    /** Ends the session on every server; the browser is told to forget the cookie. */
    public void end() {
        load();
        if (id != null) {
            store.delete(hash(id));
            id = null;
            row = null;
        }
        response.addHeader("Set-Cookie", cookie.clear());
    }

    /** The session's CSRF token (the session is made if there was none): 32 random bytes. */
    public String csrfToken() {
        open();
        return row.csrfToken();
    }

    /** Whether {@code sent} is the session's token, compared in constant time; false without a session. */
    public boolean csrfMatches(String sent) {
        load();
        return row != null && sent != null
                && MessageDigest.isEqual(row.csrfToken().getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** A one-time message for the session's next page (what an action did); nothing without a session. */
    public void flash(String message) {
        if (exists()) {
            store.flash(hash(id), message);
        }
    }

    public Optional<String> takeFlash() {
        return exists() ? store.takeFlash(hash(id)) : Optional.empty();
    }

    @Override
    public void remember(String nonce) {
        store.remember(hash(open()), nonce);
    }

    @Override
    public boolean consume(String nonce) {
        return exists() && store.consume(hash(id), nonce);
    }

    private void load() {
        if (read) {
            return;
        }
        read = true;
        Optional<String> sent = cookie.read(request);
        if (sent.isPresent()) {
            Optional<StoredSession> found = store.find(hash(sent.get()));
            if (found.isPresent()) {
                id = sent.get();
                row = found.get();
            }
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

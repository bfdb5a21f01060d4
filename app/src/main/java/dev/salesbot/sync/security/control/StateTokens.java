package dev.salesbot.sync.security.control;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.problems.control.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * OAuth {@code state} values: signed with {@code STATE_TOKEN_SECRET} (while it is rotated, one signed
 * with a secret of {@code STATE_TOKEN_SECRET_PREVIOUS} is accepted too), expiring, bound to the
 * browser session (a hash of its id is inside the signed payload) and carrying a nonce that the
 * session's {@link StateNonces} let be used once. Format:
 * {@code base64url(v1|purpose|subject|nonce|expiresEpochSecond|sessionHash).base64url(hmac)}.
 */
@ApplicationScoped
public class StateTokens {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_SECRET_LENGTH = 32;

    /** What a verified state says. */
    public record Claims(String purpose, String subject, String nonce, Instant expiresAt) {
    }

    private byte[] secret;
    private List<byte[]> previous;
    private Duration ttl;
    private Clock clock;
    private Optional<String> configuredSecret;
    private Optional<String> configuredPrevious = Optional.empty();

    protected StateTokens() {
        // for the CDI proxy
    }

    /**
     * @param previous while the secret is rotated, the secrets before it (comma-separated): a state
     *                 issued under one of them stays valid for the rest of its 10 minutes
     */
    @Inject
    StateTokens(@ConfigProperty(name = "STATE_TOKEN_SECRET") Optional<String> secret,
                @ConfigProperty(name = "STATE_TOKEN_SECRET_PREVIOUS") Optional<String> previous) {
        this.configuredSecret = secret;
        this.configuredPrevious = previous;
        this.ttl = DEFAULT_TTL;
        this.clock = Clock.systemUTC();
    }

    /** As the server's, with {@code previous} secrets still accepted. */
    public StateTokens(String secret, String previous, Duration ttl, Clock clock) {
        this(secret, ttl, clock);
        this.configuredPrevious = Optional.ofNullable(previous);
    }

    public StateTokens(String secret, Duration ttl, Clock clock) {
        this.configuredSecret = Optional.ofNullable(secret);
        this.ttl = ttl;
        this.clock = clock;
    }

    public String issue(String purpose, String subject, String sessionId) {
        String nonce = HexFormat.of().formatHex(randomBytes(16));
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = String.join("|", "v1", purpose, subject, nonce, Long.toString(expires), sessionHash(sessionId));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(Hmac.sha256(key(), body));
    }

    /**
     * A state for a connect started in this browser session; its nonce is kept in {@code nonces}
     * until the state comes back.
     */
    public String issue(String purpose, String subject, String sessionId, StateNonces nonces) {
        String state = issue(purpose, subject, sessionId);
        nonces.remember(verify(state, purpose, sessionId).nonce());
        return state;
    }

    /**
     * The check of a returning state every connect makes, before anything is spent: {@link #verify}
     * (signature, flow, browser session, expiry) with its failure as the refusal the merchant is
     * shown — an expired link says so. The subject and single use follow in {@link #use}.
     *
     * @throws Refusal {@code expired-link} or {@code invalid-state}
     */
    public Claims check(String token, String purpose, String sessionId) {
        try {
            return verify(token, purpose, sessionId);
        } catch (InvalidState e) {
            if (e.isExpired()) {
                throw new Refusal(Refusal.Kind.NOT_ALLOWED, "expired-link", "This link has expired",
                        "The connection link has expired: it was started more than " + DEFAULT_TTL.toMinutes()
                                + " minutes ago, so its link is no longer accepted; nothing was connected.", null);
            }
            throw Refusal.notAllowed("invalid-state", "Refused: " + e.getMessage() + ".");
        }
    }

    /**
     * Accepts checked claims for {@code subject} (named {@code subjectName} in the refusal: the shop,
     * the merchant) and uses their nonce, so the state works once.
     *
     * @throws Refusal {@code invalid-state} for another subject or a state used before
     */
    public void use(Claims claims, String subject, String subjectName, StateNonces nonces) {
        if (!claims.subject().equals(subject)) {
            throw Refusal.notAllowed("invalid-state", "The state was issued for another " + subjectName + ".");
        }
        if (!nonces.consume(claims.nonce())) {
            throw Refusal.notAllowed("invalid-state", "The state has already been used; start the connection again.");
        }
    }

    /**
     * Checks signature, purpose, session binding and expiry, in that order, and answers the
     * claims; single use is the caller's {@link StateNonces#consume}.
     *
     * @throws InvalidState with a reason fit for a problem detail
     */
    public Claims verify(String token, String purpose, String sessionId) {
        if (token == null || token.isBlank()) {
            throw new InvalidState("the state parameter is missing");
        }
        String[] parts = token.split("\\.", -1);
        byte[] body;
        byte[] signature;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            body = B64D.decode(parts[0]);
            signature = B64D.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidState("the state parameter is malformed");
        }
        if (!Hmac.matches(key(), body, signature) && previousKeys().stream().noneMatch(k -> Hmac.matches(k, body, signature))) {
            throw new InvalidState("the state parameter's signature is not valid");
        }
        String[] f = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
        if (f.length != 6 || !"v1".equals(f[0])) {
            throw new InvalidState("the state parameter is malformed");
        }
        if (!f[1].equals(purpose)) {
            throw new InvalidState("the state was issued for another flow");
        }
        if (sessionId == null || !Hmac.sameBytes(
                f[5].getBytes(StandardCharsets.UTF_8), sessionHash(sessionId).getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidState("the state belongs to another browser session");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(f[4]));
        if (!clock.instant().isBefore(expiresAt)) {
            throw InvalidState.expired("the state has expired; start the connection again");
        }
        return new Claims(f[1], f[2], f[3], expiresAt);
    }

    private byte[] key() {
        if (secret == null) {
            String value = configuredSecret.map(String::trim).orElse("");
            if (value.length() < MIN_SECRET_LENGTH) {
                throw new RequiredSetting("STATE_TOKEN_SECRET", "a random secret of at least 32 characters");
            }
            secret = value.getBytes(StandardCharsets.UTF_8);
        }
        return secret;
    }

    private List<byte[]> previousKeys() {
        if (previous == null) {
            List<byte[]> keys = new ArrayList<>();
            for (String value : configuredPrevious.map(String::trim).orElse("").split(",")) {
                if (!value.isBlank()) {
                    if (value.trim().length() < MIN_SECRET_LENGTH) {
                        throw new RequiredSetting("STATE_TOKEN_SECRET_PREVIOUS", "comma-separated secrets of at least 32 characters each");
                    }
                    keys.add(value.trim().getBytes(StandardCharsets.UTF_8));
                }
            }
            previous = List.copyOf(keys);
        }
        return previous;
    }

    private static String sessionHash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    String.valueOf(sessionId).getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}

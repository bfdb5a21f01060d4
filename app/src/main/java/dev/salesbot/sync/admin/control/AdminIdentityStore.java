package dev.salesbot.sync.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Validates the admin's username and password against {@link AdminCredentials}: the password with
 * the container's {@link Pbkdf2PasswordHash} (its parameters are read from the stored value), the
 * username with a constant-time compare. The hash is computed even for a wrong username, so the
 * answer's timing does not tell which of the two was wrong. The one group is {@value #ROLE}.
 *
 * <p>A scraper or script sends the password with every call, and each check costs the hash's
 * 210,000 iterations: a credential that verified is remembered for {@link #REMEMBERED} as an HMAC
 * under a key made at start-up (never the password itself), and then verifies without the hash.
 * A wrong password is never remembered, and changing the configured hash means a restart.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    public static final String ROLE = "admin";

    @Inject
    AdminCredentials credentials;

    @Inject
    Pbkdf2PasswordHash hashes;

    static final java.time.Duration REMEMBERED = java.time.Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 32;
    private final byte[] rememberKey = new byte[32];
    private final java.util.Map<String, java.time.Instant> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public AdminIdentityStore() {
        new java.security.SecureRandom().nextBytes(rememberKey);
    }

    private String mac(String user, String password) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(rememberKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((user + "\u0000" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !credentials.configured()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String remembered = mac(login.getCaller(), login.getPasswordAsString());
        java.time.Instant until = verified.get(remembered);
        if (until != null && until.isAfter(java.time.Instant.now())) {
            return new CredentialValidationResult(credentials.username(), Set.of(ROLE));
        }
        boolean passwordMatches;
        try {
            passwordMatches = hashes.verify(login.getPassword().getValue(), credentials.passwordHash());
        } catch (RuntimeException e) {
            passwordMatches = false;
        }
        boolean userMatches = MessageDigest.isEqual(login.getCaller().getBytes(StandardCharsets.UTF_8),
                credentials.username().getBytes(StandardCharsets.UTF_8));
        if (!(userMatches && passwordMatches)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        java.time.Instant now = java.time.Instant.now();
        verified.values().removeIf(t -> !t.isAfter(now));
        if (verified.size() < MAX_REMEMBERED) {
            verified.put(remembered, now.plus(REMEMBERED));
        }
        return new CredentialValidationResult(credentials.username(), Set.of(ROLE));
    }
}

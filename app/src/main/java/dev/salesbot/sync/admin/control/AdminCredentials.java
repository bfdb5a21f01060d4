package dev.salesbot.sync.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one admin: {@code ADMIN_USERNAME} and {@code ADMIN_PASSWORD_HASH} (Jakarta Security's
 * {@code Pbkdf2PasswordHash} format, as {@code tools/HashPassword.java} prints it). Either missing,
 * or a hash that is not in that format, means no admin is configured: the admin area then answers
 * 503 naming the variables, and is never open.
 */
@ApplicationScoped
public class AdminCredentials {

    public static final String USERNAME = "ADMIN_USERNAME";
    public static final String PASSWORD_HASH = "ADMIN_PASSWORD_HASH";
    /** algorithm:iterations:salt:hash, the algorithms Pbkdf2PasswordHash accepts, at least 10,000 iterations. */
    static final Pattern FORMAT = Pattern.compile(
            "^PBKDF2WithHmacSHA(224|256|384|512):([1-9][0-9]{4,8}):[A-Za-z0-9+/]{16,}={0,2}:[A-Za-z0-9+/]{16,}={0,2}$");

    @Inject
    @ConfigProperty(name = USERNAME)
    Optional<String> username;

    @Inject
    @ConfigProperty(name = PASSWORD_HASH)
    Optional<String> passwordHash;

    protected AdminCredentials() {
        // for CDI
    }

    public AdminCredentials(String username, String passwordHash) {
        this.username = Optional.ofNullable(username);
        this.passwordHash = Optional.ofNullable(passwordHash);
    }

    /** Empty when an admin is configured, else what is wrong, naming the variables. */
    public Optional<String> problem() {
        if (username.filter(u -> !u.isBlank()).isEmpty() || passwordHash.filter(h -> !h.isBlank()).isEmpty()) {
            return Optional.of("No admin is configured: set " + USERNAME + " and " + PASSWORD_HASH
                    + " (java tools/HashPassword.java prints a hash for a password).");
        }
        if (!FORMAT.matcher(passwordHash.get().strip()).matches()) {
            return Optional.of(PASSWORD_HASH + " is not a Pbkdf2PasswordHash value (PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>);"
                    + " java tools/HashPassword.java prints one.");
        }
        return Optional.empty();
    }

    public boolean configured() {
        return problem().isEmpty();
    }

    String username() {
        return username.orElseThrow().strip();
    }

    String passwordHash() {
        return passwordHash.orElseThrow().strip();
    }
}

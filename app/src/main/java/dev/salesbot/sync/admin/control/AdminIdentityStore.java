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
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    public static final String ROLE = "admin";

    @Inject
    AdminCredentials credentials;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || !credentials.configured()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        boolean passwordMatches;
        try {
            passwordMatches = hashes.verify(login.getPassword().getValue(), credentials.passwordHash());
        } catch (RuntimeException e) {
            passwordMatches = false;
        }
        boolean userMatches = MessageDigest.isEqual(login.getCaller().getBytes(StandardCharsets.UTF_8),
                credentials.username().getBytes(StandardCharsets.UTF_8));
        return userMatches && passwordMatches
                ? new CredentialValidationResult(credentials.username(), Set.of(ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}

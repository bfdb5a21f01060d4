package dev.salesbot.sync.admin.control;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminIdentityStoreTest {

    /** Stands in for the container's hash: "right" verifies, and every call is counted. */
    static final class CountingHash implements Pbkdf2PasswordHash {
        int verifications;

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            verifications++;
            return new String(password).equals("right-password");
        }
    }

    private final CountingHash hash = new CountingHash();
    private final AdminIdentityStore store = new AdminIdentityStore();

    AdminIdentityStoreTest() {
        store.credentials = new AdminCredentials("admin", AdminCredentialsTest.HASH);
        store.hashes = hash;
    }

    @Test
    void theRightCredentialIsValidWithTheAdminRole() {
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("admin", "right-password"));
        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerGroups()).containsExactly(AdminIdentityStore.ROLE);
    }

    @Test
    void aWrongUsernameOrPasswordIsInvalidAndTheHashRunsForBoth() {
        assertThat(store.validate(new UsernamePasswordCredential("admin", "wrong")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(store.validate(new UsernamePasswordCredential("someone", "right-password")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(hash.verifications).as("no shortcut for a wrong username").isEqualTo(2);
    }

    @Test
    void aVerifiedCredentialIsRememberedAWrongOneNever() {
        store.validate(new UsernamePasswordCredential("admin", "right-password"));
        store.validate(new UsernamePasswordCredential("admin", "right-password"));
        assertThat(hash.verifications).as("the second call skips the hash").isEqualTo(1);
        store.validate(new UsernamePasswordCredential("admin", "wrong"));
        store.validate(new UsernamePasswordCredential("admin", "wrong"));
        assertThat(hash.verifications).isEqualTo(3);
    }

    @Test
    void withoutAConfiguredAdminNothingIsValidated() {
        store.credentials = new AdminCredentials(null, null);
        assertThat(store.validate(new UsernamePasswordCredential("admin", "right-password")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
    }
}

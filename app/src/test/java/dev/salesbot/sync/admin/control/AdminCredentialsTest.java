package dev.salesbot.sync.admin.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCredentialsTest {

    static final String HASH = "PBKDF2WithHmacSHA256:210000:a6n6EzfMuk1menB8GLXzbFXtKTGv3p+Kvl2QuNdtwDM=:V/UnbMamQK+vQacTnHXyNEub1aB3xYSzLQCTrpCcPGM=";

    @Test
    void anAdminWithAPbkdf2HashIsConfigured() {
        assertThat(new AdminCredentials("admin", HASH).problem()).isEmpty();
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThat(new AdminCredentials(null, HASH).problem()).get().asString().contains("ADMIN_USERNAME", "ADMIN_PASSWORD_HASH");
        assertThat(new AdminCredentials("admin", " ").problem()).isPresent();
    }

    @Test
    void aPlainPasswordOrAnotherFormatIsNotAHash() {
        for (String value : new String[]{"secret-password", "$2a$10$abcdefghijklmnopqrstuv", "PBKDF2WithHmacSHA1:2048:c2FsdHNhbHRzYWx0c2FsdA==:aGFzaGhhc2hoYXNoaGFzaA==",
                "PBKDF2WithHmacSHA256:100:c2FsdHNhbHRzYWx0c2FsdA==:aGFzaGhhc2hoYXNoaGFzaA=="}) {
            assertThat(new AdminCredentials("admin", value).problem()).as(value).get().asString().contains("Pbkdf2PasswordHash");
        }
    }
}

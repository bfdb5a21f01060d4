package dev.salesbot.sync.security.control;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.problems.control.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateTokensTest {

    static final String SECRET = "test-state-secret-0123456789abcdef0123";
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    final StateTokens tokens = new StateTokens(SECRET, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verifiesItsOwnStateInTheSameSession() {
        String state = tokens.issue("shopify-connect", "acme.myshopify.com", "session-1");
        StateTokens.Claims claims = tokens.verify(state, "shopify-connect", "session-1");
        assertThat(claims.subject()).isEqualTo("acme.myshopify.com");
        assertThat(claims.nonce()).hasSize(32);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void givesEveryStateAFreshNonce() {
        String a = tokens.issue("shopify-connect", "acme.myshopify.com", "s");
        String b = tokens.issue("shopify-connect", "acme.myshopify.com", "s");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void rejectsStateFromAnotherSession() {
        String state = tokens.issue("shopify-connect", "acme.myshopify.com", "session-1");
        assertThatThrownBy(() -> tokens.verify(state, "shopify-connect", "session-2"))
                .isInstanceOf(InvalidState.class).hasMessageContaining("another browser session");
    }

    @Test
    void rejectsExpiredState() {
        String state = tokens.issue("shopify-connect", "acme.myshopify.com", "s");
        StateTokens later = new StateTokens(SECRET, Duration.ofMinutes(10),
                Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(state, "shopify-connect", "s"))
                .isInstanceOf(InvalidState.class).hasMessageContaining("expired");
    }

    @Test
    void rejectsStateSignedWithAnotherSecret() {
        StateTokens other = new StateTokens("another-secret-0123456789abcdef012345", Duration.ofMinutes(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String forged = other.issue("shopify-connect", "acme.myshopify.com", "s");
        assertThatThrownBy(() -> tokens.verify(forged, "shopify-connect", "s"))
                .isInstanceOf(InvalidState.class).hasMessageContaining("signature");
    }

    @Test
    void rejectsTamperedPayloadAndGarbage() {
        String state = tokens.issue("shopify-connect", "acme.myshopify.com", "s");
        String tampered = "x" + state.substring(1);
        assertThatThrownBy(() -> tokens.verify(tampered, "shopify-connect", "s")).isInstanceOf(InvalidState.class);
        assertThatThrownBy(() -> tokens.verify("0.6784241404160823", "shopify-connect", "s")).isInstanceOf(InvalidState.class);
        assertThatThrownBy(() -> tokens.verify("", "shopify-connect", "s")).isInstanceOf(InvalidState.class)
                .hasMessageContaining("missing");
    }

    @Test
    void rejectsStateIssuedForAnotherFlow() {
        String state = tokens.issue("facebook-connect", "merchant", "s");
        assertThatThrownBy(() -> tokens.verify(state, "shopify-connect", "s"))
                .isInstanceOf(InvalidState.class).hasMessageContaining("another flow");
    }

    @Test
    void refusesToWorkWithoutAStrongSecretNamingTheVariable() {
        StateTokens unconfigured = new StateTokens(null, Duration.ofMinutes(10), Clock.systemUTC());
        assertThatThrownBy(() -> unconfigured.issue("p", "s", "x"))
                .isInstanceOf(RequiredSetting.class).hasMessageContaining("STATE_TOKEN_SECRET");
        StateTokens weak = new StateTokens("short", Duration.ofMinutes(10), Clock.systemUTC());
        assertThatThrownBy(() -> weak.issue("p", "s", "x")).isInstanceOf(RequiredSetting.class);
    }

    @Test
    void pendingStatesAreSingleUse() {
        StateNonces pending = new PendingStates();
        pending.remember("n1");
        assertThat(pending.consume("n1")).isTrue();
        assertThat(pending.consume("n1")).isFalse();
        assertThat(pending.consume("never-issued")).isFalse();
    }

    @Test
    void aConnectAcceptsItsStateOnceForItsSubjectInTheSessionThatStartedIt() {
        StateNonces session = new PendingStates();
        String state = tokens.issue("shopify-connect", "acme.myshopify.com", "session-1", session);

        StateTokens.Claims claims = tokens.check(state, "shopify-connect", "session-1");
        assertThatThrownBy(() -> tokens.use(claims, "other.myshopify.com", "shop", session))
                .isInstanceOf(Refusal.class).hasMessage("The state was issued for another shop.");
        tokens.use(claims, "acme.myshopify.com", "shop", session);
        assertThatThrownBy(() -> tokens.use(claims, "acme.myshopify.com", "shop", session))
                .isInstanceOf(Refusal.class).hasMessageContaining("already been used");
    }

    @Test
    void aConnectRefusesAnExpiredLinkAsSuchAndAForeignStateAsInvalid() {
        String state = tokens.issue("facebook-connect", "merchant-1", "session-1");
        StateTokens later = new StateTokens(SECRET, Duration.ofMinutes(10), Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.check(state, "facebook-connect", "session-1"))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).slug()).isEqualTo("expired-link");
        assertThatThrownBy(() -> tokens.check(state, "facebook-connect", "session-2"))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).slug()).isEqualTo("invalid-state");
    }

    @Test
    void aStateIssuedBeforeTheSecretWasRotatedStaysValidForItsTenMinutes() {
        String issuedBefore = tokens.issue("shopify-connect", "acme.myshopify.com", "session-1");
        String newSecret = "test-state-secret-after-rotation-9876543210";
        StateTokens rotated = new StateTokens(newSecret, SECRET, Duration.ofMinutes(10), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        StateTokens dropped = new StateTokens(newSecret, Duration.ofMinutes(10), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

        assertThat(rotated.verify(issuedBefore, "shopify-connect", "session-1").subject()).isEqualTo("acme.myshopify.com");
        assertThatThrownBy(() -> dropped.verify(issuedBefore, "shopify-connect", "session-1"))
                .as("once the old secret is dropped").isInstanceOf(InvalidState.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> tokens.verify(rotated.issue("p", "s", "x"), "p", "x"))
                .as("new states are signed with the new secret").isInstanceOf(InvalidState.class);
    }

    /** A session's nonces in memory (the product keeps them in the database: sessions.control.BrowserSessionStore). */
    static final class PendingStates implements StateNonces {
        private final java.util.Set<String> nonces = new java.util.HashSet<>();

        @Override
        public void remember(String nonce) {
            nonces.add(nonce);
        }

        @Override
        public boolean consume(String nonce) {
            return nonces.remove(nonce);
        }
    }
}

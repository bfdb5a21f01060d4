package dev.salesbot.sync.sessions.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie's header values, over https and on the local http run. */
class SessionCookieTest {

    static final String ID = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void overHttpsTheCookieIsAHostCookieThatOnlyGoesOverTls() {
        SessionCookie cookie = new SessionCookie(BrowserSessions.SECURE_NAME, true);

        assertThat(cookie.set(ID)).isEqualTo("__Host-salesbot-session=" + ID + "; Path=/; Secure; HttpOnly; SameSite=Lax")
                .doesNotContainIgnoringCase("Domain=").doesNotContainIgnoringCase("Max-Age");
        assertThat(cookie.clear()).startsWith("__Host-salesbot-session=; Max-Age=0; Path=/; Secure");
    }

    @Test
    void onTheLocalHttpRunItIsNotSecureSoThatTheBrowserKeepsIt() {
        assertThat(new SessionCookie(BrowserSessions.PLAIN_NAME, false).set(ID))
                .isEqualTo("salesbot-session=" + ID + "; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void anIdIsHashedBeforeItReachesTheDatabase() {
        assertThat(BrowserSession.hash(ID)).hasSize(64).doesNotContain(ID).isEqualTo(BrowserSession.hash(ID));
    }
}

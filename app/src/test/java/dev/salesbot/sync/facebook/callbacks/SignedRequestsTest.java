package dev.salesbot.sync.facebook.callbacks;

import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Meta's signed_request: the signature over the payload part first, then the algorithm and the user. */
class SignedRequestsTest {

    static final String SECRET = "fb-app-secret-for-tests";
    static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    static String sign(String secret, String payloadJson) {
        String payload = URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return URL.encodeToString(Hmac.sha256(secret, payload.getBytes(StandardCharsets.US_ASCII))) + "." + payload;
    }

    @Test
    void answersTheUserOfAGoodOne() {
        String signed = sign(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":1796000000,\"user_id\":\"10229384756120034\"}");

        assertThat(SignedRequests.userId(signed, SECRET)).isEqualTo("10229384756120034");
    }

    @Test
    void refusesForgedMalformedAndWrongAlgorithmRequests() {
        String good = "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"42\"}";
        String[][] cases = {
                {null, "missing-signed-request"},
                {"", "missing-signed-request"},
                {"no-dot-at-all", "malformed-signed-request"},
                {"a.b.c", "malformed-signed-request"},
                {"%%%." + URL.encodeToString(good.getBytes()), "malformed-signed-request"},
                {sign("another-apps-secret", good), "invalid-signature"},
                {sign(SECRET, good).split("\\.")[0] + "." + URL.encodeToString("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"43\"}".getBytes()),
                        "invalid-signature"},
                {sign(SECRET, "{\"algorithm\":\"HMAC-SHA1\",\"user_id\":\"42\"}"), "unsupported-algorithm"},
                {sign(SECRET, "{\"user_id\":\"42\"}"), "unsupported-algorithm"},
                {sign(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"42/../x\"}"), "invalid-user-id"},
                {sign(SECRET, "[1,2]"), "malformed-signed-request"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> SignedRequests.userId(c[0], SECRET)).as(String.valueOf(c[0]))
                    .isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).slug()).isEqualTo(c[1]));
        }
    }
}

package dev.salesbot.sync.facebook.webhooks;

import dev.salesbot.sync.facebook.graph.FacebookApps;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-Hub-Signature-256 on the raw bytes first; then the JSON and every entry's id, before anything is recorded. */
class FacebookWebhookReceiptsTest {

    static final String SECRET = "fb-app-secret-for-tests";
    static final String CHANGE = "{\"object\":\"page\",\"entry\":[{\"id\":\"101368371725791\",\"time\":1796000000,"
            + "\"changes\":[{\"field\":\"name\",\"value\":\"New Name\"}]}]}";

    final List<List<JsonObject>> recorded = new ArrayList<>();
    final FacebookWebhookReceipts receipts = new FacebookWebhookReceipts();

    @BeforeEach
    void wire() {
        receipts.app = FacebookApps.withSecret(SECRET);
        receipts.intake = new FacebookIntake() {
            @Override
            public Receipt record(List<JsonObject> entries) {
                recorded.add(entries);
                return Receipt.RECORDED;
            }
        };
    }

    static String sign(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    private Receipt receive(String body, String signature) {
        return receipts.receive(body.getBytes(StandardCharsets.UTF_8), signature);
    }

    @Test
    void recordsTheEntriesOfASignedPageChange() {
        assertThat(receive(CHANGE, sign(SECRET, CHANGE))).isEqualTo(Receipt.RECORDED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get(0).getString("id")).isEqualTo("101368371725791");
    }

    @Test
    void refusesMissingForgedForeignAndSha1SignaturesBeforeParsing() {
        String sha1Only = "sha1=" + "0".repeat(40);
        for (String signature : new String[]{null, "", "sha256=", "sha256=" + "ab".repeat(32), sign("another-apps-secret", CHANGE),
                sign(SECRET, CHANGE + " "), sha1Only, sign(SECRET, CHANGE).toUpperCase()}) {
            assertThatThrownBy(() -> receive(CHANGE, signature)).as(String.valueOf(signature))
                    .isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.UNAUTHENTICATED));
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void refusesInvalidJsonAndNonDigitPageIdsWithAValidSignatureAndRecordsNothing() {
        for (String body : new String[]{"{\"object\":\"page\",", "[]",
                "{\"object\":\"page\",\"entry\":[{\"id\":\"101368371725791\"},{\"id\":\"12ab/../x\"}]}",
                "{\"object\":\"page\",\"entry\":[{\"time\":1}]}", "{\"object\":\"page\"}"}) {
            assertThatThrownBy(() -> receive(body, sign(SECRET, body))).as(body)
                    .isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.BAD_INPUT));
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void recognisesItsOwnTestDeliveryAndIgnoresOtherObjects() {
        String test = "{\"salesbot_webhook_test\":true,\"object\":\"page\",\"entry\":[]}";
        String user = "{\"object\":\"user\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}";

        assertThat(receive(test, sign(SECRET, test))).isEqualTo(Receipt.TEST);
        assertThat(receive(user, sign(SECRET, user))).isEqualTo(Receipt.IGNORED);
        assertThat(recorded).isEmpty();
    }

    @Test
    void knowsAnEntryByItsContentWhateverItsKeyOrder() {
        JsonObject a = jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"id\":\"1\",\"time\":5,\"changes\":[{\"field\":\"name\"}]}")).readObject();
        JsonObject b = jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"changes\":[{\"field\":\"name\"}],\"time\":5,\"id\":\"1\"}")).readObject();
        JsonObject later = jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"id\":\"1\",\"time\":6,\"changes\":[{\"field\":\"name\"}]}")).readObject();

        assertThat(FacebookWebhookRecorder.id(a)).isEqualTo(FacebookWebhookRecorder.id(b)).startsWith("facebook:").hasSize(9 + 64);
        assertThat(FacebookWebhookRecorder.id(later)).isNotEqualTo(FacebookWebhookRecorder.id(a));
    }
}

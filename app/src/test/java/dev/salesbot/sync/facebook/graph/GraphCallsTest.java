package dev.salesbot.sync.facebook.graph;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphCallsTest {

    private static final JsonObject PAGE = Json.createObjectBuilder().add("id", "101368371725791")
            .add("name", "Fast Online Store PH").build();

    private final List<Duration> pauses = new ArrayList<>();
    private final GraphCalls calls = new GraphCalls(pauses::add);

    @Test
    void answersTheBodyOfASuccessfulCallWithoutPausing() {
        assertThat(calls.call("read Page", script(ok(10)))).isEqualTo(PAGE);
        assertThat(pauses).isEmpty();
    }

    @Test
    void pausesAfterAnAnswerAboveEightyPercentUsage() {
        calls.call("read Page", script(ok(90)));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retriesRateLimitsWithBackoffAndThenSucceeds() {
        Deque<GraphReply> replies = new ArrayDeque<>(List.of(rateLimited(613), rateLimited(4), ok(10)));
        assertThat(calls.call("read Page", replies::pop)).isEqualTo(PAGE);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTheBoundedRetriesWithARateLimitError() {
        int[] sent = {0};
        assertThatThrownBy(() -> calls.call("read Page", () -> {
            sent[0]++;
            return rateLimited(32);
        })).isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.rateLimited()).isTrue());
        assertThat(sent[0]).isEqualTo(Pacing.MAX_RETRIES + 1);
    }

    @Test
    void doesNotRetryAnExpiredToken() {
        JsonObject expired = error(190, 463, "Error validating access token: Session has expired.");
        int[] sent = {0};
        assertThatThrownBy(() -> calls.call("read Page 1", () -> {
            sent[0]++;
            return new GraphReply(400, expired, Usage.NONE);
        })).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.tokenInvalid()).isTrue();
            assertThat(e.subcode()).isEqualTo(463);
            assertThat(e.getMessage()).contains("read Page 1", "Session has expired", "code 190");
        });
        assertThat(sent[0]).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    private static java.util.function.Supplier<GraphReply> script(GraphReply reply) {
        return () -> reply;
    }

    private static GraphReply ok(int percent) {
        return new GraphReply(200, PAGE, new Usage(percent, 0));
    }

    private static GraphReply rateLimited(int code) {
        return new GraphReply(code == 4 || code == 17 ? 403 : 400, error(code, null, "(#" + code + ") limit reached"), Usage.NONE);
    }

    private static JsonObject error(int code, Integer subcode, String message) {
        var error = Json.createObjectBuilder().add("message", message).add("type", "OAuthException").add("code", code);
        if (subcode != null) {
            error.add("error_subcode", subcode);
        }
        return Json.createObjectBuilder().add("error", error).build();
    }
}

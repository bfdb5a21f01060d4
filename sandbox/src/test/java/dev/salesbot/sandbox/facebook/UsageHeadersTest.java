package dev.salesbot.sandbox.facebook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UsageHeadersTest {

    private static final int BUDGET = 20;

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3, BUDGET);
    private final String userToken = facebook.userToken();

    @Test
    void appUsageIsThePercentageOfTheHourlyBudget() {
        GraphAnswer answer = null;
        for (int i = 0; i < 9; i++) {
            answer = facebook.accounts(userToken);
        }

        // The code exchange counts too: 10 calls of 20.
        JsonObject usage = json(answer.headers().get("X-App-Usage"));
        assertThat(usage.getInt("call_count")).isEqualTo(50);
        assertThat(usage.getInt("total_cputime")).isEqualTo(12);
        assertThat(usage.getInt("total_time")).isEqualTo(25);
    }

    @Test
    void businessUseCaseUsageIsKeyedByPage() {
        String pageId = facebook.firstPageId();
        String pageToken = facebook.pageToken(userToken, pageId);

        GraphAnswer answer = facebook.page(pageId, pageToken, "name");
        answer = facebook.page(pageId, pageToken, "name");

        JsonObject entry = json(answer.headers().get("X-Business-Use-Case-Usage"))
                .getJsonArray(pageId).getJsonObject(0);
        assertThat(entry.getString("type")).isEqualTo("pages");
        assertThat(entry.getInt("call_count")).isEqualTo(10);
        assertThat(entry.getInt("estimated_time_to_regain_access")).isZero();
    }

    @Test
    void forcedLevelShowsInBothHeaders() {
        String pageId = facebook.firstPageId();
        String pageToken = facebook.pageToken(userToken, pageId);
        facebook.sandbox.forceUsage(85);

        GraphAnswer answer = facebook.page(pageId, pageToken, "name");

        assertThat(json(answer.headers().get("X-App-Usage")).getInt("call_count")).isEqualTo(85);
        assertThat(json(answer.headers().get("X-Business-Use-Case-Usage")).getJsonArray(pageId)
                .getJsonObject(0).getInt("call_count")).isEqualTo(85);
    }

    @Test
    void errorsCarryUsageHeadersToo() {
        GraphAnswer answer = facebook.accounts("EAAnot-issued");

        assertThat(answer.isError()).isTrue();
        assertThat(answer.headers()).containsKeys("X-App-Usage", "X-Business-Use-Case-Usage", "x-fb-trace-id");
    }

    @Test
    void fullBudgetTellsWhenAccessReturns() {
        facebook.sandbox.forceUsage(100);
        String pageId = facebook.firstPageId();

        GraphAnswer answer = facebook.page(pageId, facebook.pageToken(userToken, pageId), "name");

        assertThat(json(answer.headers().get("X-Business-Use-Case-Usage")).getJsonArray(pageId)
                .getJsonObject(0).getInt("estimated_time_to_regain_access")).isBetween(1, 60);
    }

    @Test
    void usageStartsOverAfterAnHour() {
        for (int i = 0; i < 9; i++) {
            facebook.accounts(userToken);
        }
        facebook.clock.advance(Duration.ofHours(1));

        GraphAnswer answer = facebook.accounts(userToken);

        assertThat(json(answer.headers().get("X-App-Usage")).getInt("call_count")).isEqualTo(5);
    }

    private static JsonObject json(String header) {
        return Json.createReader(new StringReader(header)).readObject();
    }
}

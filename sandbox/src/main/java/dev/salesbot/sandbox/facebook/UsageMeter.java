package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts Graph calls in a one-hour window against a fixed budget and renders Meta's usage headers:
 * {@code X-App-Usage} for the app and {@code X-Business-Use-Case-Usage} per Page. Values are
 * percentages of the budget, as on Facebook, so a client can see itself approach 100 % and slow
 * down before it is throttled. A test may force the level to check that the product backs off.
 */
final class UsageMeter {

    static final Duration WINDOW = Duration.ofHours(1);

    /** One usage reading; cputime and time trail the call count so that the call count drives throttling. */
    record Level(int callCount, int totalCputime, int totalTime, int minutesToRegainAccess) {
    }

    private final int budget;
    private final Clock clock;
    private Instant windowStart;
    private int appCalls;
    private final Map<String, Integer> pageCalls = new LinkedHashMap<>();
    private Integer forcedPercent;

    UsageMeter(int callsPerHour, Clock clock) {
        this.budget = callsPerHour;
        this.clock = clock;
        this.windowStart = clock.instant();
    }

    /** Counts one call for the app and, when the call concerns a Page, for that Page. */
    synchronized void record(String pageId) {
        roll();
        appCalls++;
        if (pageId != null) {
            pageCalls.merge(pageId, 1, Integer::sum);
        }
    }

    synchronized boolean appExhausted() {
        roll();
        return appCalls > budget;
    }

    synchronized boolean pageExhausted(String pageId) {
        roll();
        return pageId != null && pageCalls.getOrDefault(pageId, 0) > budget;
    }

    synchronized Level app() {
        roll();
        return level(appCalls);
    }

    synchronized Level page(String pageId) {
        roll();
        return level(pageCalls.getOrDefault(pageId, 0));
    }

    /** Forces every reading to {@code percent}; null goes back to counting. */
    synchronized void force(Integer percent) {
        forcedPercent = percent;
    }

    synchronized String appUsageHeader() {
        Level app = app();
        return SandboxJson.JSON.createObjectBuilder()
                .add("call_count", app.callCount())
                .add("total_cputime", app.totalCputime())
                .add("total_time", app.totalTime())
                .build().toString();
    }

    /** One entry per Page called in this window, plus {@code currentPageId} if it is not null. */
    synchronized String businessUseCaseHeader(String currentPageId) {
        roll();
        JsonObjectBuilder header = SandboxJson.JSON.createObjectBuilder();
        Map<String, Integer> pages = new LinkedHashMap<>(pageCalls);
        if (currentPageId != null) {
            pages.putIfAbsent(currentPageId, 0);
        }
        pages.forEach((pageId, calls) -> header.add(pageId, SandboxJson.JSON.createArrayBuilder().add(entry(level(calls)))));
        return header.build().toString();
    }

    synchronized void clear() {
        windowStart = clock.instant();
        appCalls = 0;
        pageCalls.clear();
        forcedPercent = null;
    }

    private static JsonObject entry(Level level) {
        return SandboxJson.JSON.createObjectBuilder()
                .add("type", "pages")
                .add("call_count", level.callCount())
                .add("total_cputime", level.totalCputime())
                .add("total_time", level.totalTime())
                .add("estimated_time_to_regain_access", level.minutesToRegainAccess())
                .build();
    }

    private Level level(int calls) {
        int percent = forcedPercent != null ? forcedPercent : (int) Math.min(100, calls * 100L / budget);
        int minutes = 0;
        if (percent >= 100) {
            Duration left = Duration.between(clock.instant(), windowStart.plus(WINDOW));
            minutes = (int) Math.max(1, (left.toSeconds() + 59) / 60);
        }
        return new Level(percent, percent / 4, percent / 2, minutes);
    }

    private void roll() {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            appCalls = 0;
            pageCalls.clear();
        }
    }
}

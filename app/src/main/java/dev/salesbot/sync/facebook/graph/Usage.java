package dev.salesbot.sync.facebook.graph;

import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * How close the app is to Graph's rate limits, from the usage headers of one answer:
 * {@code X-App-Usage} ({@code {"call_count","total_cputime","total_time"}}, percentages) and
 * {@code X-Business-Use-Case-Usage} ({@code {"<business-or-page-id>":[{..., "estimated_time_to_regain_access"}]}}).
 * {@code percent} is the highest figure in either; {@code minutesToRegainAccess} the longest wait
 * Graph announced. A missing or malformed header counts as no usage: pacing must never make a
 * call fail.
 */
public record Usage(int percent, int minutesToRegainAccess) {

    public static final Usage NONE = new Usage(0, 0);

    private static final String[] FIGURES = {"call_count", "total_cputime", "total_time"};

    public static Usage of(String appUsage, String businessUseCaseUsage) {
        int percent = 0;
        int minutes = 0;
        JsonObject app = parse(appUsage);
        if (app != null) {
            percent = highest(app);
        }
        JsonObject buc = parse(businessUseCaseUsage);
        if (buc != null) {
            for (JsonValue entries : buc.values()) {
                if (entries instanceof JsonArray array) {
                    for (JsonValue entry : array) {
                        if (entry instanceof JsonObject object) {
                            percent = Math.max(percent, highest(object));
                            minutes = Math.max(minutes, number(object, "estimated_time_to_regain_access"));
                        }
                    }
                }
            }
        }
        return new Usage(Math.min(100, percent), minutes);
    }

    private static int highest(JsonObject figures) {
        int highest = 0;
        for (String name : FIGURES) {
            highest = Math.max(highest, number(figures, name));
        }
        return highest;
    }

    private static int number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber n ? Math.max(0, n.intValue()) : 0;
    }

    private static JsonObject parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(header))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

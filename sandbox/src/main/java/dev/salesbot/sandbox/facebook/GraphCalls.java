package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every Graph call goes through, in Graph's order: counted, throttled (planned faults, then
 * the hourly budget), answered, and given usage headers whether it succeeded or not. The one place
 * a {@link GraphException} becomes an error body.
 */
final class GraphCalls {

    private static final System.Logger LOGGER = System.getLogger(GraphCalls.class.getName());

    private final FacebookWorld world;

    GraphCalls(FacebookWorld world) {
        this.world = world;
    }

    /**
     * @param pageId     the Page the call concerns, or null; it is counted against that Page too
     * @param throttled  false for the OAuth token endpoints, which planned rate-limit faults skip
     *                   so that a test can fail the data calls of a connect without failing the login
     */
    GraphAnswer answer(String method, String version, String path, String pageId, boolean throttled,
                       Supplier<JsonObject> work) {
        world.stats.count(method, "/graph" + path);
        world.usage.record(pageId);
        String trace = Secrets.fbtraceId();
        int status = 200;
        JsonObject body;
        GraphError failure = null;
        try {
            if (throttled) {
                rateLimit(pageId).ifPresent(e -> {
                    throw e.exception();
                });
            }
            body = work.get();
        } catch (GraphException e) {
            failure = e.error();
            status = failure.httpStatus();
            body = failure.toJson(trace);
            LOGGER.log(System.Logger.Level.DEBUG, "Sandbox Graph {0} {1} -> {2} (#{3})",
                    method, path, status, failure.code());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("facebook-api-version", version);
        headers.put("x-fb-trace-id", trace);
        headers.put("X-App-Usage", world.usage.appUsageHeader());
        headers.put("X-Business-Use-Case-Usage", world.usage.businessUseCaseHeader(pageId));
        if (failure != null && failure.code() == 190) {
            headers.put("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \""
                    + failure.message().replace("\"", "'") + "\"");
        }
        return new GraphAnswer(status, body, headers);
    }

    private Optional<GraphError> rateLimit(String pageId) {
        Optional<GraphError> planned = world.faults.take();
        if (planned.isPresent()) {
            return planned;
        }
        if (world.usage.appExhausted()) {
            return Optional.of(GraphError.rateLimited(4));
        }
        if (world.usage.pageExhausted(pageId)) {
            return Optional.of(GraphError.rateLimited(32));
        }
        return Optional.empty();
    }
}

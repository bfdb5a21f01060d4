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
    // Graph's field alias: field.as(name).
    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("\\.as\\s*\\(");

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
        return answer(method, version, path, pageId, throttled, null, work);
    }

    /**
     * @param request the call's parameters, whose {@code appsecret_proof} is checked when it carries
     *                a user or Page token; null for the token endpoint (the app secret itself is sent there)
     */
    GraphAnswer answer(String method, String version, String path, String pageId, boolean throttled,
                       GraphRequest request, Supplier<JsonObject> work) {
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
            if (request != null) {
                checkLegacyFeatures(request);
                checkAppSecretProof(request);
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

    /**
     * With v27's rules on ({@code SANDBOX_FACEBOOK_GRAPH_V27}, {@code PUT _control/app {"v27": true}}):
     * "new apps cannot use multi-ID requests, [...] field aliases, [...]. This applies across all
     * Graph API versions"
     * (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/).
     * A multi-id request names its nodes in {@code ids}; an alias is {@code field.as(name)} in
     * {@code fields} (https://developers.facebook.com/docs/graph-api/aliasing-fields). Without the
     * switch both pass: an alias is read as its field, as {@link GraphRequest#fields} picks names.
     */
    private void checkLegacyFeatures(GraphRequest request) {
        if (!world.v27()) {
            return;
        }
        if (request.params().containsKey("ids")) {
            world.stats.refusedLegacy();
            throw GraphError.legacyFeature("Multi-ID requests (ids)").exception();
        }
        String fields = request.params().get("fields");
        if (fields != null && ALIAS.matcher(fields).find()) {
            world.stats.refusedLegacy();
            throw GraphError.legacyFeature("Field aliases (.as())").exception();
        }
    }

    /**
     * {@code appsecret_proof} = hex HMAC-SHA256 of the access token keyed with the app secret
     * (https://developers.facebook.com/docs/graph-api/security#appsecret_proof): a wrong one is
     * refused; a missing one is counted, and refused when the app requires it ("Require App Secret").
     * App tokens need none.
     */
    private void checkAppSecretProof(GraphRequest request) {
        String token = request.token();
        FacebookSettings settings = world.settings();
        if (!world.tokens.isUserOrPageToken(token)) {
            // App tokens need no proof; a missing, unknown or revoked token is answered by the
            // token check itself (190), as Facebook does, whatever the proof says.
            return;
        }
        String proof = request.param("appsecret_proof");
        if (proof == null) {
            world.stats.proof(false);
            if (world.requireAppSecretProof()) {
                throw GraphError.appSecretProofRequired().exception();
            }
            return;
        }
        world.stats.proof(true);
        if (!java.security.MessageDigest.isEqual(proof.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Secrets.appSecretProof(settings.appSecret(), token).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw GraphError.invalidAppSecretProof().exception();
        }
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

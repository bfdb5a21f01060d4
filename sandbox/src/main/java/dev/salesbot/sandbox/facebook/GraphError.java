package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A Graph API error as Meta sends it: {@code {"error":{"message","type","code","error_subcode",
 * "is_transient","fbtrace_id"}}} with the HTTP status Graph uses for that code. Codes, subcodes and
 * messages follow Meta's error-handling guide and what clients report seeing; the product is
 * expected to branch on {@code code}/{@code error_subcode}, never on the message.
 */
public record GraphError(int httpStatus, String type, int code, Integer subcode, String message,
                         boolean isTransient) {

    static final String OAUTH = "OAuthException";
    static final String METHOD = "GraphMethodException";

    public JsonObject toJson(String fbtraceId) {
        JsonObjectBuilder error = SandboxJson.JSON.createObjectBuilder()
                .add("message", message)
                .add("type", type)
                .add("code", code);
        if (subcode != null) {
            error.add("error_subcode", subcode);
        }
        if (isTransient) {
            error.add("is_transient", true);
        }
        error.add("fbtrace_id", fbtraceId);
        return SandboxJson.JSON.createObjectBuilder().add("error", error).build();
    }

    public GraphException exception() {
        return new GraphException(this);
    }

    // --- access tokens (code 190 and friends)

    static GraphError missingToken() {
        return new GraphError(400, OAUTH, 104, null,
                "An access token is required to request this resource.", false);
    }

    static GraphError invalidToken() {
        return new GraphError(400, OAUTH, 190, null,
                "Invalid OAuth access token - Cannot parse access token", false);
    }

    static GraphError expiredToken() {
        return new GraphError(400, OAUTH, 190, 463,
                "Error validating access token: Session has expired.", false);
    }

    /** The user removed the app: their tokens answer this (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
    static GraphError appRemoved() {
        return new GraphError(400, OAUTH, 190, 458,
                "Error validating access token: The user has not authorized application.", false);
    }

    static GraphError userTokenRequired() {
        return new GraphError(400, OAUTH, 104, null,
                "A user access token is required to request this resource.", false);
    }

    static GraphError appTokenRequired() {
        return new GraphError(400, OAUTH, 15, null,
                "(#15) This method must be called with an app access_token.", false);
    }

    /** With "Require App Secret" on (https://developers.facebook.com/docs/graph-api/security#appsecret_proof). */
    static GraphError appSecretProofRequired() {
        return new GraphError(400, METHOD, 100, null,
                "API calls from the server require an appsecret_proof argument", false);
    }

    static GraphError invalidAppSecretProof() {
        return new GraphError(400, METHOD, 100, null,
                "Invalid appsecret_proof provided in the API argument", false);
    }

    /** {@code POST /{app-id}/subscriptions} whose verification request the callback did not answer correctly. */
    static GraphError callbackVerificationFailed(String why) {
        return new GraphError(400, OAUTH, 2200, null,
                "(#2200) callback verification failed: " + why, false);
    }

    static GraphError pageTokenRequired() {
        return new GraphError(400, OAUTH, 210, null,
                "(#210) A page access token is required to request this resource.", false);
    }

    static GraphError permissionRequired(String permission) {
        return new GraphError(403, OAUTH, 200, null,
                "(#200) Requires " + permission + " permission to manage the object", false);
    }

    // --- rate limits: 4 app, 17 user, 32 page, 613 custom; 4/17 come back as 403, 32/613 as 400

    static GraphError rateLimited(int code) {
        return switch (code) {
            case 4 -> new GraphError(403, OAUTH, 4, null, "(#4) Application request limit reached", true);
            case 17 -> new GraphError(403, OAUTH, 17, null, "(#17) User request limit reached", true);
            case 32 -> new GraphError(400, OAUTH, 32, null, "(#32) Page request limit reached", true);
            case 613 -> new GraphError(400, OAUTH, 613, null,
                    "(#613) Calls to this api have exceeded the rate limit.", true);
            default -> throw new IllegalArgumentException("not a Graph rate-limit code: " + code);
        };
    }

    static boolean isRateLimitCode(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613;
    }

    // --- OAuth code exchange

    static GraphError badClientId() {
        return new GraphError(400, OAUTH, 101, null,
                "Error validating application. Invalid application ID.", false);
    }

    static GraphError badClientSecret() {
        return new GraphError(400, OAUTH, 1, null, "Error validating client secret.", false);
    }

    static GraphError invalidCode() {
        return new GraphError(400, OAUTH, 100, null, "Invalid verification code format.", false);
    }

    static GraphError codeExpired() {
        return new GraphError(400, OAUTH, 100, 36007, "This authorization code has expired.", false);
    }

    static GraphError codeRedirectMismatch() {
        return new GraphError(400, OAUTH, 100, 36008, "Error validating verification code. Please make "
                + "sure your redirect_uri is identical to the one you used in the OAuth dialog request", false);
    }

    static GraphError codeUsed() {
        return new GraphError(400, OAUTH, 100, 36009, "This authorization code has been used.", false);
    }

    // --- requests

    static GraphError missingParameter(String name) {
        return new GraphError(400, OAUTH, 100, null, "(#100) The parameter " + name + " is required", false);
    }

    static GraphError invalidParameter(String detail) {
        return new GraphError(400, OAUTH, 100, null, "(#100) " + detail, false);
    }

    /**
     * A feature Meta stopped offering new apps with v27.0, on every version
     * (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/).
     * Meta does not quote the error there: the sandbox answers Graph's invalid-parameter shape.
     */
    static GraphError legacyFeature(String feature) {
        return new GraphError(400, OAUTH, 100, null, "(#100) " + feature + " are not available to new apps since "
                + "Graph API v27.0 (November 4, 2026), on any version", false);
    }

    static GraphError unknownObject(String id) {
        return new GraphError(400, METHOD, 100, 33, "Unsupported get request. Object with ID '" + id
                + "' does not exist, cannot be loaded due to missing permissions, or does not support "
                + "this operation.", false);
    }

    static GraphError nonexistingField(String field, String nodeType) {
        return new GraphError(400, OAUTH, 100, null, "(#100) Tried accessing nonexisting field ("
                + field + ") on node type (" + nodeType + ")", false);
    }
}

package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * {@code GET|POST /{version}/oauth/access_token}: a Login code for a user token,
 * ({@code grant_type=fb_exchange_token}) a user token for a long-lived one, and
 * ({@code grant_type=client_credentials}) an app access token. Both need the app's id
 * and secret, checked before anything else as Facebook does.
 */
final class OAuthExchange {

    private final FacebookWorld world;

    OAuthExchange(FacebookWorld world) {
        this.world = world;
    }

    JsonObject accessToken(GraphRequest request) {
        checkApp(request);
        String grantType = request.param("grant_type");
        if ("fb_exchange_token".equals(grantType)) {
            return longLived(request);
        }
        if ("client_credentials".equals(grantType)) {
            // An app access token (https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens): no expiry.
            return SandboxJson.JSON.createObjectBuilder().add("access_token", world.tokens.issueApp(world.settings().appId()))
                    .add("token_type", "bearer").build();
        }
        if (grantType == null || "authorization_code".equals(grantType)) {
            return fromCode(request);
        }
        throw GraphError.invalidParameter("Unsupported grant_type: " + grantType).exception();
    }

    private JsonObject fromCode(GraphRequest request) {
        String redirectUri = request.param("redirect_uri");
        if (redirectUri == null) {
            throw GraphError.missingParameter("redirect_uri").exception();
        }
        Grant grant = world.codes.redeem(request.param("code"), request.param("client_id"), redirectUri);
        Duration lifetime = Duration.ofSeconds(AccessTokens.CODE_TOKEN_EXPIRES_IN);
        return answer(world.tokens.issueUser(grant, lifetime, false), lifetime);
    }

    private JsonObject longLived(GraphRequest request) {
        String shortLived = request.param("fb_exchange_token");
        if (shortLived == null) {
            throw GraphError.missingParameter("fb_exchange_token").exception();
        }
        AccessTokens.Issued issued = world.tokens.resolve(shortLived);
        if (issued.kind() != AccessTokens.Kind.USER
                || !issued.grant().appId().equals(request.param("client_id"))) {
            throw GraphError.invalidToken().exception();
        }
        return answer(world.tokens.issueUser(issued.grant(), AccessTokens.LONG_LIVED, true),
                AccessTokens.LONG_LIVED);
    }

    private void checkApp(GraphRequest request) {
        FacebookSettings settings = world.settings();
        String clientId = request.param("client_id");
        if (clientId == null) {
            throw GraphError.missingParameter("client_id").exception();
        }
        if (!clientId.equals(settings.appId())) {
            throw GraphError.badClientId().exception();
        }
        String secret = request.param("client_secret");
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                settings.appSecret().getBytes(StandardCharsets.UTF_8))) {
            throw GraphError.badClientSecret().exception();
        }
    }

    private JsonObject answer(String token, Duration lifetime) {
        return SandboxJson.JSON.createObjectBuilder()
                .add("access_token", token)
                .add("token_type", "bearer")
                .add("expires_in", lifetime.toSeconds())
                .build();
    }
}

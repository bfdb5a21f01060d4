package dev.salesbot.sync.facebook.callbacks;

import dev.salesbot.sync.facebook.graph.PageIds;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Meta's {@code signed_request}, as its Deauthorize and Data Deletion callbacks send it
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback):
 * {@code base64url(signature) "." base64url(payload)}, the signature being HMAC-SHA256 of the
 * payload part (as sent) keyed with the app secret. The signature is checked in constant time
 * before the payload is parsed; then {@code algorithm} must be {@code HMAC-SHA256} and
 * {@code user_id} digits only. Every failure is a {@link Refusal}, and nothing is done.
 */
public final class SignedRequests {

    private SignedRequests() {
    }

    /** The verified payload's {@code user_id} (the app-scoped id of the user). */
    public static String userId(String signedRequest, String appSecret) {
        if (signedRequest == null || signedRequest.isBlank()) {
            throw Refusal.badInput("missing-signed-request", "The signed_request parameter is missing.");
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
            throw malformed();
        }
        byte[] signature;
        byte[] payload;
        String payloadPart = signedRequest.substring(dot + 1);
        try {
            signature = Base64.getUrlDecoder().decode(signedRequest.substring(0, dot));
            payload = Base64.getUrlDecoder().decode(payloadPart);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (!Hmac.sameBytes(Hmac.sha256(appSecret, payloadPart.getBytes(StandardCharsets.US_ASCII)), signature)) {
            throw Refusal.unauthenticated("invalid-signature", "The signed_request's signature does not match: it was not sent by Meta for this app.");
        }
        JsonObject claims;
        try (JsonReader reader = Jsonp.createReader(payload)) {
            claims = reader.readObject();
        } catch (RuntimeException e) {
            throw malformed();
        }
        if (!(claims.get("algorithm") instanceof JsonString algorithm) || !algorithm.getString().equals("HMAC-SHA256")) {
            throw Refusal.badInput("unsupported-algorithm", "The signed_request's algorithm must be HMAC-SHA256.");
        }
        String userId = claims.get("user_id") instanceof JsonString id ? id.getString()
                : claims.get("user_id") == null ? "" : claims.get("user_id").toString();
        if (!PageIds.valid(userId)) {
            throw Refusal.badInput("invalid-user-id", "The signed_request names no user (user_id must be digits only).");
        }
        return userId;
    }

    private static Refusal malformed() {
        return Refusal.badInput("malformed-signed-request", "The signed_request is not <signature>.<payload> in base64url with a JSON payload.");
    }
}

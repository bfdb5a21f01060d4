package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code /{app-id}/subscriptions} (https://developers.facebook.com/docs/graph-api/reference/app/subscriptions/):
 * the app's webhook subscriptions, read and written with an app access token only. A POST first
 * sends the verification request Meta sends ({@code GET callback_url?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…},
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started/) and stores nothing
 * unless the callback answered 200 with exactly the challenge (error 2200 otherwise).
 */
final class AppEdges {

    /** Sends the verification request; answers why it failed, or empty when the callback echoed the challenge. */
    interface CallbackVerifier {
        Optional<String> verify(String callbackUrl, String verifyToken);
    }

    private final FacebookWorld world;

    AppEdges(FacebookWorld world) {
        this.world = world;
    }

    JsonObject subscriptions(GraphRequest request, String appId) {
        requireAppToken(request, appId);
        JsonArrayBuilder data = SandboxJson.JSON.createArrayBuilder();
        world.appSubscriptions.all().values().forEach(s -> {
            JsonArrayBuilder fields = SandboxJson.JSON.createArrayBuilder();
            s.fields().forEach(f -> fields.add(SandboxJson.JSON.createObjectBuilder().add("name", f).add("version", request.version())));
            data.add(SandboxJson.JSON.createObjectBuilder().add("object", s.object()).add("callback_url", s.callbackUrl())
                    .add("active", s.active()).add("fields", fields));
        });
        return SandboxJson.JSON.createObjectBuilder().add("data", data).build();
    }

    JsonObject subscribe(GraphRequest request, String appId) {
        requireAppToken(request, appId);
        String object = required(request, "object");
        if (!AppSubscriptions.OBJECTS.contains(object)) {
            throw GraphError.invalidParameter("Param object must be one of " + AppSubscriptions.OBJECTS).exception();
        }
        String callbackUrl = required(request, "callback_url");
        if (!acceptedCallback(callbackUrl)) {
            throw GraphError.invalidParameter("Param callback_url must be a valid https URL").exception();
        }
        String verifyToken = required(request, "verify_token");
        List<String> fields = PageNodes.parseFields(required(request, "fields"));
        if (object.equals("page")) {
            for (String field : fields) {
                if (!PageSubscriptions.KNOWN_FIELDS.contains(field)) {
                    throw GraphError.invalidParameter("Param fields must be Page webhook fields, got '" + field + "'").exception();
                }
            }
        }
        Optional<String> failure = world.verifier().verify(callbackUrl, verifyToken);
        if (failure.isPresent()) {
            throw GraphError.callbackVerificationFailed(failure.get()).exception();
        }
        world.appSubscriptions.put(new AppSubscriptions.Subscription(object, callbackUrl, verifyToken, fields,
                "true".equals(request.param("include_values")), true));
        return SandboxJson.JSON.createObjectBuilder().add("success", true).build();
    }

    JsonObject unsubscribe(GraphRequest request, String appId) {
        requireAppToken(request, appId);
        String object = request.param("object");
        if (object == null) {
            world.appSubscriptions.clear();
        } else {
            world.appSubscriptions.remove(object);
        }
        return SandboxJson.JSON.createObjectBuilder().add("success", true).build();
    }

    private void requireAppToken(GraphRequest request, String appId) {
        FacebookSettings settings = world.settings();
        if (!settings.appId().equals(appId)) {
            throw GraphError.unknownObject(appId).exception();
        }
        if (request.token() == null) {
            throw GraphError.missingToken().exception();
        }
        if (world.tokens.isAppToken(request.token(), settings.appId(), settings.appSecret())) {
            return;
        }
        if (world.tokens.isUserOrPageToken(request.token())) {
            throw GraphError.appTokenRequired().exception();
        }
        // An unknown app token (one issued before the app secret was reset, or never issued) is an
        // invalid token, code 190, as for any other Graph call.
        world.tokens.resolve(request.token());
    }

    /** HTTPS as Meta requires, plus HTTP to loopback so that local runs and tests receive deliveries. */
    static boolean acceptedCallback(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if ("https".equals(uri.getScheme()) && host != null) {
                return true;
            }
            return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(host) || "localhost".equals(host));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String required(GraphRequest request, String name) {
        String value = request.param(name);
        if (value == null) {
            throw GraphError.missingParameter(name).exception();
        }
        return value;
    }
}

package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;

/**
 * Test-only controls of the simulated Facebook: re-seed the user, expire a Page's tokens, plan
 * rate-limit errors, force the usage level, read what the product did, start over. Bodies are
 * small JSON objects; an invalid one is a 400.
 */
@Path("facebook/_control")
@Produces(MediaType.APPLICATION_JSON)
public class FacebookControlResource {

    @Inject
    FacebookSandbox sandbox;

    @Inject
    FacebookDeliveries deliveries;

    /** {@code {"name":"…", "phone":"…"}}: the Page's admin changes those fields; each change is notified. */
    @POST
    @Path("pages/{pageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void editPage(@PathParam("pageId") String pageId, String body) {
        JsonObject json = parse(body);
        for (String field : json.keySet()) {
            if (!SandboxPage.EDITABLE.contains(field) || !(json.get(field) instanceof JsonString)) {
                throw new BadRequestException("editable Page fields are " + SandboxPage.EDITABLE + ", as strings");
            }
        }
        for (String field : json.keySet()) {
            if (!sandbox.updatePage(pageId, field, json.getString(field))) {
                throw new NotFoundException("no Page " + pageId);
            }
        }
    }

    /**
     * {@code {"requireAppSecretProof":true}}: the app dashboard's "Require App Secret" switch;
     * {@code {"v27":true}}: the app is held to v27's rules for new apps (field aliases and multi-id
     * requests refused). Either or both.
     */
    @PUT
    @Path("app")
    @Consumes(MediaType.APPLICATION_JSON)
    public void app(String body) {
        JsonObject json = parse(body);
        if (!json.containsKey("requireAppSecretProof") && !json.containsKey("v27")) {
            throw new BadRequestException("requireAppSecretProof or v27 must be given");
        }
        if (json.containsKey("requireAppSecretProof")) {
            sandbox.requireAppSecretProof(flag(json, "requireAppSecretProof"));
        }
        if (json.containsKey("v27")) {
            sandbox.v27(flag(json, "v27"));
        }
    }

    private static boolean flag(JsonObject json, String name) {
        JsonValue v = json.get(name);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw new BadRequestException(name + " must be true or false");
        }
        return v == JsonValue.TRUE;
    }

    /** {@code {"duplicate":true}}: every notification is sent twice. */
    @PUT
    @Path("deliveries")
    @Consumes(MediaType.APPLICATION_JSON)
    public void deliveries(String body) {
        deliveries.duplicate(parse(body).getBoolean("duplicate", false));
    }

    @GET
    @Path("deliveries")
    public String deliveryLog() {
        JsonObjectBuilder log = SandboxJson.JSON.createObjectBuilder();
        deliveries.log().forEach((k, v) -> {
            if (v instanceof Boolean b) {
                log.add(k, b);
            } else {
                log.add(k, ((Number) v).longValue());
            }
        });
        return log.build().toString();
    }

    @POST
    @Path("deliveries/reset")
    public void resetDeliveries() {
        deliveries.reset();
    }

    /** The user removes the app in their settings: tokens revoked, the Deauthorize callback sent; answers the app's reply. */
    @POST
    @Path("users/deauthorize")
    public String deauthorize() {
        return answer(callback(deliveries::deauthorize));
    }

    /** The user asks Meta to delete their data: the Data Deletion callback is sent; answers the app's reply. */
    @POST
    @Path("users/data-deletion")
    public String dataDeletion() {
        return answer(callback(deliveries::requestDataDeletion));
    }

    private static FacebookDeliveries.Answer callback(java.util.function.Supplier<FacebookDeliveries.Answer> send) {
        try {
            return send.get();
        } catch (IllegalStateException e) {
            throw new ClientErrorException(Response.status(409).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build());
        }
    }

    private static String answer(FacebookDeliveries.Answer answer) {
        return SandboxJson.JSON.createObjectBuilder().add("status", answer.status()).add("body", answer.body()).build().toString();
    }

    /** {@code {"pages":N, "nonNumericPageId":bool}}. */
    @PUT
    @Path("user")
    public void user(String body) {
        JsonObject json = parse(body);
        int pages = integer(json, "pages");
        if (pages < 0) {
            throw new BadRequestException("pages must be >= 0");
        }
        sandbox.reseed(pages, json.getBoolean("nonNumericPageId", false));
    }

    /**
     * The Page's admin removes the app from the Page (Page settings, Business integrations): its
     * {@code subscribed_apps} entry is gone and Meta stops sending that Page's events, silently
     * (https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/).
     */
    @DELETE
    @Path("pages/{pageId}/subscribed_apps")
    public void removeApp(@PathParam("pageId") String pageId) {
        if (!sandbox.removeAppFromPage(pageId)) {
            throw new NotFoundException("no subscription of Page " + pageId);
        }
    }

    /** {@code {"token": "...", "scopes": ["pages_show_list", …]}}: a Page token an earlier sandbox process issued is honoured. */
    @POST
    @Path("pages/{pageId}/token")
    public void restoreToken(@PathParam("pageId") String pageId, String body) {
        JsonObject json = parse(body);
        if (!(json.get("token") instanceof jakarta.json.JsonString token) || !(json.get("scopes") instanceof jakarta.json.JsonArray scopes)) {
            throw new BadRequestException("token (a string) and scopes (an array) are required");
        }
        if (!sandbox.restorePageToken(pageId, token.getString(), scopes.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList())) {
            throw new NotFoundException("no Page " + pageId);
        }
    }

    @POST
    @Path("pages/{pageId}/expire-token")
    public void expireToken(@PathParam("pageId") String pageId) {
        if (!sandbox.expirePageTokens(pageId)) {
            throw new NotFoundException("no Page " + pageId);
        }
    }

    /** {@code {"rateLimitCode":4|17|32|613|null, "count":k}}; a null code clears the plan. */
    @PUT
    @Path("faults")
    public void faults(String body) {
        JsonObject json = parse(body);
        Integer code = nullableInteger(json, "rateLimitCode");
        int count = json.containsKey("count") ? integer(json, "count") : 1;
        try {
            sandbox.planRateLimit(code, count);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** {@code {"percent":85}}; null goes back to counting calls. */
    @PUT
    @Path("usage")
    public void usage(String body) {
        try {
            sandbox.forceUsage(nullableInteger(parse(body), "percent"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GET
    @Path("stats")
    public String stats() {
        return sandbox.stats().toString();
    }

    @POST
    @Path("reset")
    public void reset() {
        sandbox.reset();
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = SandboxJson.JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new BadRequestException("body must be a JSON object");
        }
    }

    private static int integer(JsonObject json, String name) {
        Integer value = nullableInteger(json, name);
        if (value == null) {
            throw new BadRequestException(name + " is required");
        }
        return value;
    }

    private static Integer nullableInteger(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new BadRequestException(name + " must be an integer");
        }
        return number.intValueExact();
    }
}

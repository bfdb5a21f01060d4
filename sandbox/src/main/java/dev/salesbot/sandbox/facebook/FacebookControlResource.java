package dev.salesbot.sandbox.facebook;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
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

package dev.salesbot.sandbox.shopify.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test controls of the simulated Admin API, under {@code /sandbox/shopify/_control}: size and
 * rate limits of a store, what it received, and faults to inject. Sandbox only.
 */
@Path("shopify/_control")
@Produces(MediaType.APPLICATION_JSON)
public class ShopifyControlResource {

    @Inject
    SandboxShops shops;

    /** {@code {"products":N,"bucketSize":…,"restoreRate":…}}, each optional; re-seeds the store. */
    @PUT
    @Path("shops/{shop}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String configure(@PathParam("shop") String shop, String body) {
        Map<String, Object> json = object(body);
        Integer products = json.get("products") instanceof Number n ? n.intValue() : null;
        if (products != null && (products < 0 || products > 100_000)) {
            throw new BadRequestException("products must be between 0 and 100000");
        }
        SandboxShop configured = shops.configure(shop,
                products,
                json.get("bucketSize") instanceof Number n ? n.doubleValue() : null,
                json.get("restoreRate") instanceof Number n ? n.doubleValue() : null);
        Catalog catalog = configured.catalog();
        LeakyBucket.Status status = configured.bucket().status();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("shop", configured.name());
        answer.put("products", catalog.products().size());
        answer.put("variants", catalog.variantCount());
        answer.put("collections", catalog.collections().size());
        answer.put("discounts", catalog.discounts().size());
        answer.put("bucketSize", status.maximumAvailable());
        answer.put("restoreRate", status.restoreRate());
        return JsonValues.write(answer);
    }

    /**
     * The app's access, for every store ({@link BulkAccess}): {@code {"bulkQueries": false}} and a
     * {@code bulkOperationRunQuery} answers {@code ACCESS_DENIED}, as Shopify's does for an app that
     * has not enabled bulk queries; {@code true} enables them again. {@code {"answeredVersion":
     * "2027-01"}}: every Admin answer says it was served in that version, as after the version asked
     * for was retired ({@link ServedVersion}); {@code null} answers in the version asked for again.
     * Answers the switches.
     */
    @PUT
    @Path("app")
    @Consumes(MediaType.APPLICATION_JSON)
    public String app(String body) {
        Map<String, Object> json = object(body);
        if (json.containsKey("bulkQueries")) {
            if (!(json.get("bulkQueries") instanceof Boolean allowed)) {
                throw new BadRequestException("bulkQueries must be true or false");
            }
            shops.bulkAccess().allow(allowed);
        }
        if (json.containsKey("answeredVersion")) {
            Object version = json.get("answeredVersion");
            if (version != null && !(version instanceof String)) {
                throw new BadRequestException("answeredVersion must be a version such as 2027-01, or null");
            }
            try {
                shops.servedVersion().fallForwardTo((String) version);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bulkQueries", shops.bulkAccess().allowed());
        answer.put("answeredVersion", shops.servedVersion().fallForward().orElse(null));
        return JsonValues.write(answer);
    }

    @GET
    @Path("shops/{shop}/stats")
    public String stats(@PathParam("shop") String shop) {
        return JsonValues.write(shops.shop(shop).stats().snapshot());
    }

    @POST
    @Path("shops/{shop}/stats/reset")
    public void resetStats(@PathParam("shop") String shop) {
        shops.shop(shop).stats().reset();
    }

    /** {@code {"graphqlStatus":500|429|null,"count":k}}: the next k Admin calls answer that status. */
    @PUT
    @Path("shops/{shop}/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public void faults(@PathParam("shop") String shop, String body) {
        Map<String, Object> json = object(body);
        Integer status = json.get("graphqlStatus") instanceof Number n ? n.intValue() : null;
        if (status != null && (status < 400 || status > 599)) {
            throw new BadRequestException("graphqlStatus must be an HTTP error status or null");
        }
        int count = json.get("count") instanceof Number n ? n.intValue() : 1;
        shops.shop(shop).failNext(status, count);
    }

    /**
     * {@code {"deniedFields":["Shop.shopPolicies"]}}: those fields answer ACCESS_DENIED whatever the
     * token's scopes, as Shopify denies data a store's staff permissions do not cover. {@code []} clears.
     */
    @PUT
    @Path("shops/{shop}/access")
    @Consumes(MediaType.APPLICATION_JSON)
    public void access(@PathParam("shop") String shop, String body) {
        Object fields = object(body).get("deniedFields");
        if (!(fields instanceof java.util.List<?> list) || !list.stream().allMatch(f -> f instanceof String s && s.matches("[A-Za-z]+\\.[A-Za-z]+"))) {
            throw new BadRequestException("deniedFields must be a list of Type.field names");
        }
        shops.shop(shop).denyFields(list.stream().map(String::valueOf).toList());
    }

    /**
     * The store's bulk operations ({@link BulkOperations}), each field optional:
     * {@code objectsPerSecond} and {@code startMillis} (the pace), {@code failNext} with
     * {@code errorCode} ({@code INTERNAL_SERVER_ERROR} or {@code TIMEOUT}) and {@code partial} (a
     * {@code partialDataUrl}), {@code cancelNext}, {@code urlSeconds} (how long results stay; then
     * the operation is {@code EXPIRED}), {@code dropFinishNext} (no {@code bulk_operations/finish}),
     * {@code hold} (while true, operations stay {@code RUNNING} once their objects are read; false
     * lets them end). Answers the knobs, how many operations {@code bulkOperationRunQuery} created,
     * and how many are held now ({@code held}).
     */
    @PUT
    @Path("shops/{shop}/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public String bulk(@PathParam("shop") String shop, String body) {
        Map<String, Object> json = object(body);
        BulkOperations bulk = shops.shop(shop).bulk();
        BulkOperations.Knobs knobs = bulk.knobs();
        synchronized (knobs) {
            if (json.get("objectsPerSecond") instanceof Number n) {
                knobs.objectsPerSecond = bounded(n.doubleValue(), 1, 10_000_000, "objectsPerSecond");
            }
            if (json.get("startMillis") instanceof Number n) {
                knobs.startMillis = (long) bounded(n.doubleValue(), 0, 600_000, "startMillis");
            }
            if (json.get("urlSeconds") instanceof Number n) {
                knobs.urlSeconds = (long) bounded(n.doubleValue(), 0, BulkOperations.DEFAULT_URL_SECONDS, "urlSeconds");
            }
            if (json.get("failNext") instanceof Number n) {
                knobs.failNext = (int) bounded(n.doubleValue(), 0, 100, "failNext");
            }
            if (json.get("errorCode") instanceof String code) {
                if (!code.equals("INTERNAL_SERVER_ERROR") && !code.equals("TIMEOUT")) {
                    throw new BadRequestException("errorCode must be INTERNAL_SERVER_ERROR or TIMEOUT");
                }
                knobs.errorCode = code;
            }
            if (json.get("partial") instanceof Boolean partial) {
                knobs.partial = partial;
            }
            if (json.get("cancelNext") instanceof Number n) {
                knobs.cancelNext = (int) bounded(n.doubleValue(), 0, 100, "cancelNext");
            }
            if (json.get("dropFinishNext") instanceof Number n) {
                knobs.dropFinishNext = (int) bounded(n.doubleValue(), 0, 100, "dropFinishNext");
            }
            if (json.containsKey("hold")) {
                if (!(json.get("hold") instanceof Boolean hold)) {
                    throw new BadRequestException("hold must be true or false");
                }
                knobs.hold = hold;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("objectsPerSecond", knobs.objectsPerSecond);
            answer.put("startMillis", knobs.startMillis);
            answer.put("urlSeconds", knobs.urlSeconds);
            answer.put("failNext", knobs.failNext);
            answer.put("errorCode", knobs.errorCode);
            answer.put("partial", knobs.partial);
            answer.put("cancelNext", knobs.cancelNext);
            answer.put("dropFinishNext", knobs.dropFinishNext);
            answer.put("hold", knobs.hold);
            answer.put("held", bulk.held());
            answer.put("runQueries", bulk.started());
            answer.put("objects", bulk.objects());
            return JsonValues.write(answer);
        }
    }

    private static double bounded(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new BadRequestException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** {@code {"millis": n}} (0–30,000): every Admin call of the store takes that much longer. */
    @PUT
    @Path("shops/{shop}/latency")
    @Consumes(MediaType.APPLICATION_JSON)
    public void latency(@PathParam("shop") String shop, String body) {
        if (!(object(body).get("millis") instanceof Number millis) || millis.longValue() < 0 || millis.longValue() > 30_000) {
            throw new BadRequestException("millis must be a number between 0 and 30000");
        }
        shops.shop(shop).latency(millis.longValue());
    }

    /** The store's product ids (gids), in catalog order: what a test or benchmark edits or names. */
    @GET
    @Path("shops/{shop}/products")
    public String products(@PathParam("shop") String shop) {
        return JsonValues.write(shops.shop(shop).catalog().products().stream().map(p -> Ids.gid("Product", p.id())).toList());
    }

    /** The webhook subscriptions the product created, to check registration and to deliver to. */
    @GET
    @Path("shops/{shop}/webhooks")
    public String webhooks(@PathParam("shop") String shop) {
        return JsonValues.write(shops.shop(shop).webhooks().all().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Ids.gid("WebhookSubscription", s.id()));
            m.put("topic", s.topic());
            m.put("uri", s.uri());
            m.put("format", s.format());
            m.put("createdAt", s.createdAt().toString());
            return m;
        }).toList());
    }

    private static Map<String, Object> object(String body) {
        return JsonBodies.object(body);
    }
}

package dev.salesbot.sync.shopify.webhooks;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a partial sync must fetch, gathered from the changes webhooks announced. One webhook is one
 * change, {@code <topic>|<kind>|<gid>}; a batch of webhooks records each store's changes one a line
 * in a sync request's payload ({@link #lines}); a task parses its coalesced payloads back into one
 * set, every id once. Ids are taken from the webhook body's
 * {@code admin_graphql_api_id} (or its numeric {@code id}) and accepted only in Shopify's gid form
 * with digits: a payload is never more than a topic, a kind and a validated id.
 */
public final class ChangeSet {

    /** What changed. */
    public enum Kind { PRODUCT, PRODUCT_DELETED, INVENTORY_ITEM, COLLECTION, COLLECTION_DELETED, DISCOUNT, DISCOUNT_DELETED, SHOP }

    private static final Pattern GID = Pattern.compile("^gid://shopify/(Product|InventoryItem|Collection|DiscountCodeNode|DiscountAutomaticNode|DiscountNode)/[0-9]{1,20}$");

    private final Set<String> topics = new LinkedHashSet<>();
    private final Set<String> products = new LinkedHashSet<>();
    private final Set<String> deletedProducts = new LinkedHashSet<>();
    private final Set<String> inventoryItems = new LinkedHashSet<>();
    private final Set<String> collections = new LinkedHashSet<>();
    private final Set<String> deletedCollections = new LinkedHashSet<>();
    private final Set<String> discounts = new LinkedHashSet<>();
    private final Set<String> deletedDiscounts = new LinkedHashSet<>();
    private boolean shop;

    /** The payload recording one webhook, or empty when the topic carries nothing to fetch. */
    public static Optional<String> payload(WebhookTopic topic, JsonObject body) {
        Optional<String> change = switch (topic) {
            case PRODUCTS_CREATE, PRODUCTS_UPDATE -> id(body, "Product").map(id -> Kind.PRODUCT + "|" + id);
            case PRODUCTS_DELETE -> id(body, "Product").map(id -> Kind.PRODUCT_DELETED + "|" + id);
            case INVENTORY_LEVELS_UPDATE -> number(body, "inventory_item_id")
                    .map(n -> Kind.INVENTORY_ITEM + "|gid://shopify/InventoryItem/" + n);
            case COLLECTIONS_CREATE, COLLECTIONS_UPDATE -> id(body, "Collection").map(id -> Kind.COLLECTION + "|" + id);
            case COLLECTIONS_DELETE -> id(body, "Collection").map(id -> Kind.COLLECTION_DELETED + "|" + id);
            case DISCOUNTS_CREATE, DISCOUNTS_UPDATE, DISCOUNTS_REDEEMCODE_ADDED, DISCOUNTS_REDEEMCODE_REMOVED ->
                    gid(body).map(id -> Kind.DISCOUNT + "|" + id);
            case DISCOUNTS_DELETE -> gid(body).map(id -> Kind.DISCOUNT_DELETED + "|" + id);
            case SHOP_UPDATE -> Optional.of(Kind.SHOP + "|shop");
            // Not catalog changes: each has a handler of its own (WebhookRecorder).
            case APP_UNINSTALLED, SHOP_REDACT, CUSTOMERS_DATA_REQUEST, CUSTOMERS_REDACT, BULK_OPERATIONS_FINISH -> Optional.empty();
        };
        return change.map(c -> topic.header() + "|" + c);
    }

    /** A sync request's payload holds at most this many characters (its column's size). */
    static final int PAYLOAD_MAX = 20_000;

    /**
     * Several changes of one store as few payloads as their column holds: the changes one per
     * line, each payload at most {@value #PAYLOAD_MAX} characters.
     */
    public static List<String> lines(List<String> changes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String change : new LinkedHashSet<>(changes)) {
            if (current.length() > 0 && current.length() + 1 + change.length() > PAYLOAD_MAX) {
                payloads.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "\n" : "").append(change);
        }
        if (current.length() > 0) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    /** The set of changes in {@code payloads} (each a change a line); an unreadable one is skipped (it was validated when recorded). */
    public static ChangeSet of(List<String> payloads) {
        ChangeSet set = new ChangeSet();
        for (String payload : payloads.stream().flatMap(p -> p.lines()).toList()) {
            String[] parts = payload.split("\\|", 3);
            if (parts.length != 3) {
                continue;
            }
            Kind kind;
            try {
                kind = Kind.valueOf(parts[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (kind != Kind.SHOP && !GID.matcher(parts[2]).matches()) {
                continue;
            }
            set.topics.add(parts[0]);
            set.add(kind, parts[2]);
        }
        return set;
    }

    /**
     * Order does not matter: an id both changed and deleted is read again, and reading it tells
     * whether it still exists (a deleted one is then removed all the same).
     */
    private void add(Kind kind, String id) {
        switch (kind) {
            case PRODUCT -> { products.add(id); deletedProducts.remove(id); }
            case PRODUCT_DELETED -> { if (!products.contains(id)) { deletedProducts.add(id); } }
            case INVENTORY_ITEM -> inventoryItems.add(id);
            case COLLECTION -> { collections.add(id); deletedCollections.remove(id); }
            case COLLECTION_DELETED -> { if (!collections.contains(id)) { deletedCollections.add(id); } }
            case DISCOUNT -> { discounts.add(id); deletedDiscounts.remove(id); }
            case DISCOUNT_DELETED -> { if (!discounts.contains(id)) { deletedDiscounts.add(id); } }
            case SHOP -> shop = true;
        }
    }

    public List<String> topics() {
        return List.copyOf(topics);
    }

    /** Products to read again (created or updated); deleted ones are not among them. */
    public List<String> products() {
        return List.copyOf(products);
    }

    public List<String> deletedProducts() {
        return List.copyOf(deletedProducts);
    }

    public List<String> inventoryItems() {
        return List.copyOf(inventoryItems);
    }

    public List<String> collections() {
        return List.copyOf(collections);
    }

    public List<String> deletedCollections() {
        return List.copyOf(deletedCollections);
    }

    public List<String> discounts() {
        return List.copyOf(discounts);
    }

    public List<String> deletedDiscounts() {
        return List.copyOf(deletedDiscounts);
    }

    public boolean shop() {
        return shop;
    }

    public boolean isEmpty() {
        return products.isEmpty() && deletedProducts.isEmpty() && inventoryItems.isEmpty() && collections.isEmpty()
                && deletedCollections.isEmpty() && discounts.isEmpty() && deletedDiscounts.isEmpty() && !shop;
    }

    /** The body's gid of {@code type}: {@code admin_graphql_api_id}, else built from its numeric {@code id}. */
    private static Optional<String> id(JsonObject body, String type) {
        Optional<String> gid = gid(body).filter(g -> g.startsWith("gid://shopify/" + type + "/"));
        return gid.isPresent() ? gid : number(body, "id").map(n -> "gid://shopify/" + type + "/" + n);
    }

    private static Optional<String> gid(JsonObject body) {
        return body.get("admin_graphql_api_id") instanceof JsonString s && GID.matcher(s.getString()).matches()
                ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<String> number(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
            return Optional.of(Long.toString(n.longValue()));
        }
        if (value instanceof JsonString s && s.getString().matches("[0-9]{1,20}")) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }

    /** For tests and logs: every id of the set, by kind. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("products=" + products);
        parts.add("deletedProducts=" + deletedProducts);
        parts.add("inventoryItems=" + inventoryItems);
        parts.add("collections=" + collections + deletedCollections);
        parts.add("discounts=" + discounts + deletedDiscounts);
        parts.add("shop=" + shop);
        return "ChangeSet" + parts;
    }
}

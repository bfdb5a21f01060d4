package dev.salesbot.sync.storage.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a storage key is written for, named as its syncs name it: a store by its shop domain, a
 * Facebook Page by its id. Every key written for a target is recorded under it
 * ({@link TargetObjects}), so the target's deletion finds each copy whichever merchant held it.
 * Use the factories; the canonical constructor checks the id all the same.
 */
public record StorageTarget(Kind kind, String id) {

    /** The values of {@code STORAGE_OBJECT.TARGET_KIND}. */
    public enum Kind {
        SHOPIFY_STORE,
        FACEBOOK_PAGE
    }

    /** As {@code shopify.entity.ShopDomain} checks it (a foundation cannot import a feature). */
    private static final Pattern SHOP = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}\\.myshopify\\.com$");

    public StorageTarget {
        Objects.requireNonNull(kind, "kind");
        Pattern valid = switch (kind) {
            case SHOPIFY_STORE -> SHOP;
            case FACEBOOK_PAGE -> StorageKey.PAGE_ID;
        };
        if (id == null || !valid.matcher(id).matches()) {
            throw new IllegalArgumentException(switch (kind) {
                case SHOPIFY_STORE -> "a store target is a shop's name.myshopify.com domain";
                case FACEBOOK_PAGE -> "a Facebook page id is digits only";
            });
        }
    }

    /** A store, by its validated shop domain. */
    public static StorageTarget store(String shop) {
        return new StorageTarget(Kind.SHOPIFY_STORE, shop);
    }

    /** A Facebook Page, by its digits-only id. */
    public static StorageTarget page(String pageId) {
        return new StorageTarget(Kind.FACEBOOK_PAGE, pageId);
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}

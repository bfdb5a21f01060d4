package dev.salesbot.sync.storage.control;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A bucket key, built only from validated ids: a merchant {@link UUID} (a type that cannot carry
 * a path) and, for pages, a Facebook page id of digits only. Use the factories: a record's
 * canonical constructor cannot be hidden, so the stores still refuse a key that would leave
 * their root.
 */
public record StorageKey(String value) {

    static final Pattern PAGE_ID = Pattern.compile("^[0-9]{1,30}$");

    public StorageKey {
        Objects.requireNonNull(value, "value");
    }

    public static StorageKey shopifySnapshot(UUID merchant) {
        return new StorageKey("users/" + merchant + "/shopify/shopify_data.json");
    }

    public static StorageKey shopifyDigest(UUID merchant) {
        return new StorageKey("users/" + merchant + "/shopify/preprocessed_data.json");
    }

    public static StorageKey facebookPage(UUID merchant, String pageId) {
        if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
            throw new IllegalArgumentException("a Facebook page id is digits only");
        }
        return new StorageKey("users/" + merchant + "/facebook_messenger/" + pageId + "/page_data.json");
    }

    @Override
    public String toString() {
        return value;
    }
}

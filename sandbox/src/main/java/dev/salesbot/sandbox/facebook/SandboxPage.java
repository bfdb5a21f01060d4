package dev.salesbot.sandbox.facebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Facebook Page the sandbox user manages, with the fields the product reads from the Page
 * node. Immutable: re-seeding replaces pages rather than editing them.
 */
public record SandboxPage(
        String id,
        String name,
        String category,
        String about,
        String description,
        String website,
        String phone,
        List<String> emails,
        Map<String, String> hours,
        Location location,
        String link,
        String pictureUrl,
        int fanCount) {

    /** The Page's street address, shaped like Graph's {@code Location} object. */
    public record Location(String street, String city, String country, String zip,
                           double latitude, double longitude) {
    }

    public SandboxPage {
        emails = List.copyOf(emails);
        // Graph answers hours in weekday order; keep the caller's order.
        hours = Collections.unmodifiableMap(new LinkedHashMap<>(hours));
    }
}

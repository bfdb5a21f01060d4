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

    /** The text fields a Page admin can change (and a webhook reports), for {@link #with}. */
    public static final java.util.Set<String> EDITABLE = java.util.Set.of("name", "category", "about", "description",
            "website", "phone");

    public SandboxPage {
        emails = List.copyOf(emails);
        // Graph answers hours in weekday order; keep the caller's order.
        hours = Collections.unmodifiableMap(new LinkedHashMap<>(hours));
    }

    /** This Page with {@code field} (one of {@link #EDITABLE}) set to {@code value}. */
    public SandboxPage with(String field, String value) {
        return switch (field) {
            case "name" -> new SandboxPage(id, value, category, about, description, website, phone, emails, hours, location, link, pictureUrl, fanCount);
            case "category" -> new SandboxPage(id, name, value, about, description, website, phone, emails, hours, location, link, pictureUrl, fanCount);
            case "about" -> new SandboxPage(id, name, category, value, description, website, phone, emails, hours, location, link, pictureUrl, fanCount);
            case "description" -> new SandboxPage(id, name, category, about, value, website, phone, emails, hours, location, link, pictureUrl, fanCount);
            case "website" -> new SandboxPage(id, name, category, about, description, value, phone, emails, hours, location, link, pictureUrl, fanCount);
            case "phone" -> new SandboxPage(id, name, category, about, description, website, value, emails, hours, location, link, pictureUrl, fanCount);
            default -> throw new IllegalArgumentException("not an editable Page field: " + field);
        };
    }
}

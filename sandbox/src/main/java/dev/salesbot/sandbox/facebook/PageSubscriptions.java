package dev.salesbot.sandbox.facebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which webhook fields the app is subscribed to on each Page ({@code /{page-id}/subscribed_apps}).
 * A new POST replaces the Page's fields, as Graph does.
 */
final class PageSubscriptions {

    /** Page webhook fields Graph accepts; anything else is refused so that a typo fails a test. */
    static final Set<String> KNOWN_FIELDS = Set.of(
            "about", "attire", "bio", "category", "company_overview", "description", "email",
            "feed", "general_info", "hours", "location", "message_deliveries", "message_echoes",
            "message_reactions", "message_reads", "messages", "messaging_account_linking",
            "messaging_handovers", "messaging_optins", "messaging_optouts", "messaging_policy_enforcement",
            "messaging_postbacks", "messaging_referrals", "mission", "name", "phone", "picture",
            "products", "standby", "website", "inbox_labels", "leadgen", "mention", "ratings",
            "videos", "live_videos");

    private final Map<String, List<String>> fieldsByPage = new ConcurrentHashMap<>();

    void subscribe(String pageId, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (!KNOWN_FIELDS.contains(fields.get(i))) {
                throw GraphError.invalidParameter("Param subscribed_fields[" + i + "] must be one of "
                        + "the Page webhook fields, got '" + fields.get(i) + "'").exception();
            }
        }
        fieldsByPage.put(pageId, List.copyOf(fields));
    }

    void unsubscribe(String pageId) {
        fieldsByPage.remove(pageId);
    }

    Optional<List<String>> fields(String pageId) {
        return Optional.ofNullable(fieldsByPage.get(pageId));
    }

    Map<String, List<String>> all() {
        return new TreeMap<>(fieldsByPage);
    }

    void clear() {
        fieldsByPage.clear();
    }
}

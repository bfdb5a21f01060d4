package dev.salesbot.sync.admin.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One connection (a store or a Page) as the admin console shows it. No token, secret or signature
 * is among these fields, by construction: they are read from the connection's public columns,
 * its {@code TARGET_STATUS}, its poll slot and its latest webhook delivery.
 *
 * @param health healthy, delayed (no successful sync within the poll interval), failing (3 or more
 *               failures in a row), needs_reconnect, uninstalled or disconnected
 */
public record ConnectionView(String id, String merchant, String platform, String target, String name, String health,
                             String statusReason, OffsetDateTime connectedAt,
                             OffsetDateTime lastSuccessAt, OffsetDateTime lastAttemptAt, String lastResult, String lastMessage,
                             int consecutiveFailures, String lastError, OffsetDateTime lastErrorAt,
                             OffsetDateTime nextPollAt, OffsetDateTime lastWebhookAt, String lastWebhookTopic,
                             List<String> webhooksPresent, List<String> webhooksWanted, OffsetDateTime webhooksCheckedAt,
                             Map<String, Long> counts, OffsetDateTime snapshotWrittenAt) {

    public static final int FAILING_AFTER = 3;

    public boolean active() {
        return health.equals("healthy") || health.equals("delayed") || health.equals("failing");
    }
}

package dev.salesbot.sync.sessions.control;

import java.util.Optional;
import java.util.UUID;

/**
 * One browser session's row: the hash of its id, when it was made and last seen (epoch ms of the
 * database's clock), its CSRF token, and whom it acts for.
 */
public record StoredSession(String idHash, long createdAt, long lastSeenAt, String csrfToken, Optional<UUID> merchant,
                            Optional<String> admin, Optional<String> flash) {
}

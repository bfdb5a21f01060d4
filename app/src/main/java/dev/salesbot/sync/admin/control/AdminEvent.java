package dev.salesbot.sync.admin.control;

import java.time.OffsetDateTime;

/** One line of the console's recent events: a finished sync, a webhook delivery, or an error (a sync being retried or abandoned). */
public record AdminEvent(OffsetDateTime at, String type, String target, String what, String detail) {
}

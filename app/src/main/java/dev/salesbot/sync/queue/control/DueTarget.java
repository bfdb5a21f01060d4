package dev.salesbot.sync.queue.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target with work to run now ({@link SyncRequests#dueTargets}): due {@code since} then — its
 * oldest due request's {@code notBefore}, or when its changes became ready — and whether that work
 * is a whole read ({@link SyncKind#whole()}, no deletion due with it). A request parked or
 * postponed is due from its {@code notBefore}, not from when it was made: it does not jump ahead of
 * targets that waited longer.
 */
public record DueTarget(String target, OffsetDateTime since, boolean whole) {

    /**
     * The two grouped queries' rows as targets, the longest due first: {@code due} rows are
     * (target, kind, oldest {@code notBefore}) of the kinds that do not coalesce, {@code ready} rows
     * (target, first change, latest {@code notBefore}, how many carry a message) of those that do.
     * Changes are ready once the latest one's quiet window has passed, or {@code maxDelay} after the
     * first; changes that carry a message were run before and wait, parked or postponed, for their
     * {@code notBefore} alone.
     */
    static List<DueTarget> ordered(List<Object[]> due, List<Object[]> ready, OffsetDateTime now, Duration maxDelay) {
        Map<String, OffsetDateTime> since = new HashMap<>();
        Map<String, Set<SyncKind>> kinds = new HashMap<>();
        for (Object[] row : due) {
            String target = (String) row[0];
            SyncRequests.kind((String) row[1]).ifPresent(k -> kinds.computeIfAbsent(target, t -> EnumSet.noneOf(SyncKind.class)).add(k));
            since.merge(target, time(row[2]), DueTarget::earlier);
        }
        for (Object[] row : ready) {
            OffsetDateTime first = time(row[1]);
            OffsetDateTime last = time(row[2]);
            boolean ranBefore = row[3] instanceof Number n && n.longValue() > 0;
            OffsetDateTime quiet = last.isAfter(now) ? null : last;
            OffsetDateTime overdue = ranBefore || first.plus(maxDelay).isAfter(now) ? null : first.plus(maxDelay);
            OffsetDateTime readyAt = quiet == null ? overdue : overdue == null ? quiet : earlier(quiet, overdue);
            if (readyAt != null) {
                since.merge((String) row[0], readyAt, DueTarget::earlier);
            }
        }
        return since.entrySet().stream()
                .sorted(Map.Entry.<String, OffsetDateTime>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> {
                    Set<SyncKind> of = kinds.getOrDefault(e.getKey(), Set.of());
                    return new DueTarget(e.getKey(), e.getValue(),
                            of.stream().anyMatch(SyncKind::whole) && of.stream().noneMatch(SyncKind::erases));
                })
                .toList();
    }

    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? b : a;
    }

    /** A time as an aggregate answers it (the entity's type; a driver's type is accepted too). */
    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }
}

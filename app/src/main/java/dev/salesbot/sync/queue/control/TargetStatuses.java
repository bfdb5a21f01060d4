package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.queue.entity.SyncRequest;
import dev.salesbot.sync.queue.entity.TargetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps {@code TARGET_STATUS} as sync attempts end ({@link SyncAttempt}) and webhook checks find
 * subscriptions. Each fact is one conditional update; the row is inserted the first time (a
 * second server inserting the same target at the same moment loses the insert and updates).
 * An erasure (shop redaction, Page data deletion) removes the row with the target's data.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class TargetStatuses {

    /** The counts a summary may carry, copied into the status. */
    private static final List<String> COUNTED = List.of("products", "variants", "discounts", "collections", "fields");

    private static final Object[] LOCKS = new Object[64];

    static {
        java.util.Arrays.setAll(LOCKS, i -> new Object());
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    @jakarta.inject.Inject
    TargetStatusRows rows;

    void attempted(@Observes SyncAttempt attempt) {
        if (attempt.kind() == SyncKind.SHOPIFY_REDACT || attempt.kind() == SyncKind.FACEBOOK_PAGE_DELETE) {
            if (attempt.result().succeeded()) {
                em.createNamedQuery(TargetStatus.DELETE).setParameter("target", attempt.target()).executeUpdate();
            }
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String message = SyncRequest.clip(attempt.message());
        Map<String, Object> last = Map.of("now", now, "result", attempt.result().name(), "message", message == null ? "" : message);
        switch (attempt.result()) {
            case WRITTEN, UNCHANGED -> {
                update(attempt.target(), TargetStatus.SUCCEEDED, last);
                String counts = counts(attempt.summary());
                if (attempt.result() == SyncAttempt.Result.WRITTEN) {
                    update(attempt.target(), TargetStatus.WRITTEN, Map.of("now", now, "counts", counts));
                } else if (counts != null) {
                    update(attempt.target(), TargetStatus.COUNTED, Map.of("counts", counts));
                }
            }
            // Waiting for the platform is no failure: the failures and the last error stay as they were.
            case PARKED -> update(attempt.target(), TargetStatus.WAITING, last);
            case POSTPONED, ABANDONED -> update(attempt.target(), TargetStatus.FAILED, last);
        }
    }

    /** What a webhook check found on the platform for {@code target}. */
    public void webhooksChecked(String target, Collection<String> present, Collection<String> wanted) {
        update(target, TargetStatus.WEBHOOKS, Map.of("present", join(present), "wanted", join(wanted),
                "now", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    public Optional<TargetStatus> find(String target) {
        return Optional.ofNullable(em.find(TargetStatus.class, target));
    }

    public Map<String, TargetStatus> all() {
        return em.createQuery("select t from TargetStatus t", TargetStatus.class).getResultList().stream()
                .collect(Collectors.toMap(TargetStatus::target, Function.identity()));
    }

    public void forget(String target) {
        em.createNamedQuery(TargetStatus.DELETE).setParameter("target", target).executeUpdate();
    }

    /**
     * One conditional update; the first fact of a target creates its row first, in a transaction
     * of its own that commits before the update is tried again. Threads of this server creating the
     * same row take turns (a striped lock held across that commit); a second server doing it at
     * the same moment loses the insert, and its update then finds the row.
     */
    private void update(String target, String query, Map<String, Object> parameters) {
        if (apply(target, query, parameters) > 0) {
            return;
        }
        try {
            synchronized (LOCKS[Math.floorMod(target.hashCode(), LOCKS.length)]) {
                rows.createIfMissing(target);
            }
        } catch (RuntimeException e) {
            System.getLogger(TargetStatuses.class.getName()).log(System.Logger.Level.DEBUG,
                    "Status row of {0} created elsewhere meanwhile: {1}", target, e.toString());
        }
        apply(target, query, parameters);
    }

    private int apply(String target, String query, Map<String, Object> parameters) {
        var update = em.createNamedQuery(query).setParameter("target", target);
        parameters.forEach(update::setParameter);
        return update.executeUpdate();
    }

    /** The counts of a summary as a small JSON object, or null when it has none. */
    static String counts(JsonObject summary) {
        if (summary == null) {
            return null;
        }
        var counts = dev.salesbot.sync.json.Jsonp.createObjectBuilder();
        boolean any = false;
        for (String name : COUNTED) {
            if (summary.get(name) instanceof JsonNumber n) {
                counts.add(name, n.longValue());
                any = true;
            }
        }
        return any ? counts.build().toString() : null;
    }

    private static String join(Collection<String> values) {
        String joined = String.join(",", values.stream().sorted().toList());
        return joined.length() <= 1024 ? joined : joined.substring(0, 1023) + "…";
    }
    /** A status's counts ({@code {"products": 36, …}} in its column) as a map; empty without a status or counts. */
    public static Map<String, Long> counts(TargetStatus status) {
        String json = status == null ? null : status.counts();
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            reader.readObject().forEach((k, v) -> {
                if (v instanceof JsonNumber n) {
                    counts.put(k, n.longValue());
                }
            });
        }
        return counts;
    }
}

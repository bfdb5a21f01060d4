package dev.salesbot.sync.admin.control;

import dev.salesbot.sync.merchants.control.ConnectionPlatform;
import dev.salesbot.sync.merchants.control.ConnectionPlatforms;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.control.SupportWindows;
import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.control.TokenKeys;
import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.poll.control.PollSlots;
import dev.salesbot.sync.poll.control.Polls;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.TargetStatuses;
import dev.salesbot.sync.queue.entity.SyncRequest;
import dev.salesbot.sync.queue.entity.TargetStatus;
import dev.salesbot.sync.webhooks.control.Deliveries;
import dev.salesbot.sync.webhooks.control.Intake;
import dev.salesbot.sync.webhooks.control.IntakeStats;
import dev.salesbot.sync.webhooks.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import dev.salesbot.sync.merchants.control.PlatformNotices;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin console's data: every connection with its health ({@link ConnectionView}), the queue,
 * and the last {@value #EVENTS} events. Read in one transaction, from the database only (no
 * platform or storage call), so the console stays fast and answers while a platform is down.
 */
@ApplicationScoped
@Transactional
public class Dashboard {

    public static final int EVENTS = 50;

    /** The whole picture at one moment. */
    public record Overview(List<ConnectionView> connections, SyncRequests.Queue queue, List<AdminEvent> events,
                           Duration pollInterval, boolean pollScheduled, TokenKeys.Census tokens,
                           List<PlatformNotices.Notice> notices, List<SupportWindows.Status> versions,
                           Map<String, Intake.Stats> intakes, OffsetDateTime at) {

        public Map<String, Long> byHealth() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String health : List.of("healthy", "delayed", "failing", "needs_reconnect", "uninstalled", "disconnected")) {
                counts.put(health, connections.stream().filter(c -> c.health().equals(health)).count());
            }
            return counts;
        }

        public long merchants() {
            return connections.stream().map(ConnectionView::merchant).distinct().count();
        }
    }

    @Inject
    IntakeStats intakes;

    @Inject
    PlatformNotices notices;

    @Inject
    StoreConnections shops;

    @Inject
    PageConnections pages;

    @Inject
    TargetStatuses statuses;

    @Inject
    PollSlots slots;

    @Inject
    Polls polls;

    @Inject
    Deliveries deliveries;

    @Inject
    SyncRequests requests;

    @Inject
    ConnectionPlatforms platforms;

    @Inject
    TokenKeys tokenKeys;

    public Overview overview() {
        OffsetDateTime now = now();
        return new Overview(connections(), requests.queue(), events(), polls.interval(), polls.scheduled(), tokenKeys.census(),
                notices.all(), versions(now.toLocalDate()), intakes.all(), now);
    }

    /** Each platform's configured API version and its end of support ({@link SupportWindows}), on {@code today}. */
    public List<SupportWindows.Status> versions(java.time.LocalDate today) {
        List<SupportWindows.Status> versions = new ArrayList<>();
        for (ConnectionPlatform platform : platforms.all()) {
            ConnectionPlatform.ApiVersion configured = platform.apiVersion();
            versions.add(SupportWindows.of(platform.description().name(), configured.setting(), configured.version(), today));
        }
        return versions;
    }

    public List<ConnectionView> connections() {
        OffsetDateTime now = now();
        Map<String, TargetStatus> status = statuses.all();
        Map<String, Long> nextPolls = slots.nextPolls();
        List<ShopifyConnection> stores = shops.all();
        List<FacebookPageConnection> connectedPages = pages.all();
        List<String> sources = new ArrayList<>();
        stores.forEach(c -> sources.add(c.shop()));
        connectedPages.forEach(c -> sources.add(c.pageId()));
        Map<String, WebhookDelivery> webhooks = deliveries.latestOf(sources);
        Duration interval = polls.interval();
        List<ConnectionView> views = new ArrayList<>();
        for (ShopifyConnection c : stores) {
            TargetStatus t = status.get(c.shop());
            List<String> present = c.webhookTopics() == null || c.webhookTopics().isBlank() ? List.of()
                    : Arrays.stream(c.webhookTopics().split(",")).sorted().toList();
            views.add(view(c, c.shop(), t, nextPolls.get(c.shop()), webhooks.get(c.shop()), present, c.webhooksCheckedAt(),
                    interval, now));
        }
        for (FacebookPageConnection c : connectedPages) {
            TargetStatus t = status.get(c.pageId());
            List<String> present = t == null || t.webhooksPresent() == null || t.webhooksPresent().isBlank() ? List.of()
                    : Arrays.stream(t.webhooksPresent().split(",")).sorted().toList();
            views.add(view(c, c.pageName(), t, nextPolls.get(c.pageId()), webhooks.get(c.pageId()), present,
                    t == null ? null : t.webhooksCheckedAt(), interval, now));
        }
        return views;
    }

    private ConnectionView view(MerchantConnection c, String name, TargetStatus t, Long nextPoll, WebhookDelivery webhook,
                                List<String> present, OffsetDateTime checkedAt, Duration interval, OffsetDateTime now) {
        ConnectionPlatform platform = platforms.of(c);
        List<String> wanted = platform.description().webhooks();
        return new ConnectionView(c.id(), c.merchantId().toString(), platform.description().name(), c.target(), name,
                health(c.status(), t, c.connectedAt(), interval, now), c.statusReason(), c.connectedAt(),
                t == null ? null : t.lastSuccessAt(), t == null ? null : t.lastAttemptAt(),
                t == null ? null : t.lastResult(), t == null ? null : t.lastMessage(),
                t == null ? 0 : t.consecutiveFailures(), t == null ? null : t.lastError(), t == null ? null : t.lastErrorAt(),
                nextPoll == null || !c.active() ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(nextPoll), ZoneOffset.UTC),
                webhook == null ? null : webhook.receivedAt(), webhook == null ? null : webhook.topic(),
                present, wanted, checkedAt, TargetStatuses.counts(t), t == null ? null : t.lastWrittenAt());
    }

    /**
     * needs_reconnect, uninstalled and disconnected come from the connection; an active one is
     * failing after {@value ConnectionView#FAILING_AFTER} failures in a row, delayed when its last
     * success (or, before its first, its connect) is older than the poll interval, else healthy.
     */
    static String health(ConnectionStatus status, TargetStatus t, OffsetDateTime connectedAt, Duration interval, OffsetDateTime now) {
        if (status != ConnectionStatus.ACTIVE) {
            return status.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (t != null && t.consecutiveFailures() >= ConnectionView.FAILING_AFTER) {
            return "failing";
        }
        OffsetDateTime since = t != null && t.lastSuccessAt() != null ? t.lastSuccessAt() : connectedAt;
        return since.plus(interval).isBefore(now) ? "delayed" : "healthy";
    }

    /** Syncs finished, deliveries received and syncs failing, newest first, {@value #EVENTS} at most. */
    public List<AdminEvent> events() {
        List<AdminEvent> events = new ArrayList<>();
        for (SyncRequest r : requests.recentlyFinished(EVENTS)) {
            boolean failed = r.state() == SyncRequest.State.ABANDONED;
            events.add(new AdminEvent(r.finishedAt(), failed ? "error" : "sync", r.target(),
                    r.kind().toLowerCase(java.util.Locale.ROOT) + (failed ? " abandoned" : " " + r.outcome()), r.message()));
        }
        for (SyncRequest r : requests.retrying(EVENTS)) {
            events.add(new AdminEvent(r.notBefore().minus(Duration.ofSeconds(1)), "error", r.target(),
                    r.kind().toLowerCase(java.util.Locale.ROOT) + " retrying (attempt " + r.attempts() + ")", r.message()));
        }
        for (WebhookDelivery d : deliveries.recent(EVENTS)) {
            events.add(new AdminEvent(d.receivedAt(), "webhook", d.source(), d.platform() + " " + d.topic(), null));
        }
        events.sort(Comparator.comparing(AdminEvent::at).reversed());
        return events.size() > EVENTS ? List.copyOf(events.subList(0, EVENTS)) : events;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

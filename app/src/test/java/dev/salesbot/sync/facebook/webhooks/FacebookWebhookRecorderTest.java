package dev.salesbot.sync.facebook.webhooks;

import dev.salesbot.sync.facebook.graph.FacebookApps;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.webhooks.control.Deliveries;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of Page webhooks recorded in one transaction: duplicate entries within and across batches, one change request per Page. */
class FacebookWebhookRecorderTest {

    static final OffsetDateTime CONNECTED = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    final Set<String> remembered = new HashSet<>();
    final List<String> requests = new ArrayList<>();
    final FacebookWebhookRecorder recorder = new FacebookWebhookRecorder();
    int seenQueries;

    @BeforeEach
    void wire() {
        recorder.app = FacebookApps.withDefaultFields("app-secret");
        recorder.deliveries = new Deliveries() {
            @Override
            public Set<String> seenAmong(Collection<String> ids) {
                seenQueries++;
                Set<String> seen = new HashSet<>(ids);
                seen.retainAll(remembered);
                return seen;
            }

            @Override
            public void remember(String id, String platform, String source, String topic) {
                assertThat(remembered.add(id)).as("remembered once: " + id).isTrue();
            }
        };
        recorder.connections = new PageConnections() {
            @Override
            public Optional<FacebookPageConnection> find(String pageId) {
                if (pageId.equals("999")) {
                    return Optional.empty(); // never connected
                }
                UUID merchant = UUID.nameUUIDFromBytes(pageId.getBytes());
                FacebookPageConnection page = new FacebookPageConnection(pageId, merchant, CONNECTED);
                page.connect(merchant, "Page " + pageId, "v2:sealed", "1000", CONNECTED);
                return Optional.of(page);
            }
        };
        recorder.syncs = new Syncs() {
            @Override
            public void change(SyncKind kind, String target, UUID merchant, String payload, Duration quiet) {
                requests.add(kind + " " + target + " " + payload);
            }
        };
    }

    private static List<JsonObject> change(String pageId, long time, String... fields) {
        var changes = Json.createArrayBuilder();
        for (String field : fields) {
            changes.add(Json.createObjectBuilder().add("field", field).add("value", Json.createObjectBuilder().add("v", time)));
        }
        return List.of(Json.createObjectBuilder().add("id", pageId).add("time", time).add("changes", changes).build());
    }

    @Test
    void aDuplicateEntryInsideOneBatchIsRecordedOnceAndEachPageGetsOneRequest() {
        List<Receipt> receipts = recorder.recordAll(List.of(change("111", 1, "name"), change("111", 1, "name"),
                change("111", 2, "phone"), change("222", 3, "hours"), change("999", 4, "name"), change("111", 5, "messages")));

        assertThat(receipts).containsExactly(Receipt.RECORDED, Receipt.DUPLICATE, Receipt.RECORDED, Receipt.RECORDED, Receipt.DROPPED,
                Receipt.IGNORED);
        assertThat(remembered).hasSize(4);
        assertThat(seenQueries).as("one look-up for the whole batch").isEqualTo(1);
        assertThat(requests).containsExactly("FACEBOOK_PAGE_CHANGES 111 name,phone", "FACEBOOK_PAGE_CHANGES 222 hours");
    }

    @Test
    void anEntryRecordedInAnEarlierBatchIsADuplicate() {
        recorder.recordAll(List.of(change("111", 1, "name")));
        requests.clear();

        assertThat(recorder.recordAll(List.of(change("111", 1, "name"), change("111", 2, "website"))))
                .containsExactly(Receipt.DUPLICATE, Receipt.RECORDED);
        assertThat(requests).containsExactly("FACEBOOK_PAGE_CHANGES 111 website");
    }
}

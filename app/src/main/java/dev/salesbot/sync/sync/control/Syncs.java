package dev.salesbot.sync.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * How the rest of the application asks for a sync: the request is stored durably first (so a
 * crash or an outage loses nothing), then the worker is woken. A caller that must answer a
 * browser can wait a bounded time for the outcome; the work finishes on its own either way.
 */
@ApplicationScoped
public class Syncs {

    @Inject
    SyncRequests requests;

    @Inject
    SyncWorker worker;

    /** Records the request and answers its id at once. */
    public String request(SyncKind kind, String target, UUID merchant, List<String> productIds) {
        String id = UUID.randomUUID().toString();
        requests.add(id, kind, target, merchant, productIds);
        worker.wake();
        return id;
    }

    /** Records the request and waits up to {@code wait} for it: success, unchanged, pending or failed. */
    public SyncOutcome requestAndWait(SyncKind kind, String target, UUID merchant, Duration wait) {
        String id = UUID.randomUUID().toString();
        worker.expect(id); // before the record exists, so no outcome can slip past the waiter
        requests.add(id, kind, target, merchant, List.of());
        worker.wake();
        return worker.await(id, wait);
    }
}

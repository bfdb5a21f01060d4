package dev.salesbot.sync.queue.control;

import java.util.List;

/**
 * One unit of work handed to a {@link SyncHandler}: one or more coalesced requests for the same
 * target (a shop domain or a Page id), with the payloads they carried (the changes of a partial
 * sync; empty for the others). It names no merchant: a handler reads the target's connection,
 * whose merchant is the one that owns the target now, whoever asked first.
 */
public record SyncTask(SyncKind kind, String target, List<String> payloads, int attempt) {

    public SyncTask {
        payloads = List.copyOf(payloads);
    }
}

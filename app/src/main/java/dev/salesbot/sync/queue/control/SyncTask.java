package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.leases.Fence;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One unit of work handed to a {@link SyncHandler}: one or more coalesced requests for the same
 * target (a shop domain or a Page id), with the payloads they carried (the changes of a partial
 * sync; empty for the others). It names no merchant: a handler reads the target's connection,
 * whose merchant is the one that owns the target now, whoever asked first. {@code requestedAt} is
 * when the latest of its requests was made: a deletion removes what was there as of then, and
 * keeps a connection made again since. Its {@link Fence} is
 * called before each storage write: a server that lost the target's lease writes nothing.
 */
public record SyncTask(SyncKind kind, String target, List<String> payloads, int attempt, OffsetDateTime requestedAt, Fence fence) {

    public SyncTask {
        payloads = List.copyOf(payloads);
    }
}

package dev.salesbot.sync.sync.control;

/**
 * One unit of work handed to a {@link SyncHandler}: one or more coalesced requests for the same
 * target (a shop domain or a Page id). It names no merchant: a handler reads the target's
 * connection, whose merchant is the one that owns the target now, whoever asked first.
 */
public record SyncTask(SyncKind kind, String target, int attempt) {
}

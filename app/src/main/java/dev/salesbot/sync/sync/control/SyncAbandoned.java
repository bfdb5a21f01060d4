package dev.salesbot.sync.sync.control;

/** Retrying cannot succeed (e.g. a revoked token): the request is closed as failed with this message. */
public class SyncAbandoned extends RuntimeException {

    public SyncAbandoned(String message) {
        super(message);
    }
}

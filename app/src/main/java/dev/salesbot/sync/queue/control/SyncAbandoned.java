package dev.salesbot.sync.queue.control;

/**
 * Retrying cannot succeed (a revoked token, a missing access scope, a store that no longer
 * exists): the request is closed at once as failed. The message is shown to the merchant and the
 * operator, so it says what happened and what to do, in plain words and without secrets.
 */
public class SyncAbandoned extends RuntimeException {

    public SyncAbandoned(String message) {
        super(message);
    }
}

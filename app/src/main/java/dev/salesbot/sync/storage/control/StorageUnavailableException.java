package dev.salesbot.sync.storage.control;

/**
 * The storage backend failed; the caller keeps the work pending and retries later. The message is
 * fit for a merchant: what could not be done, to which key, and a plain reason. Where the storage
 * lives (a directory, an endpoint, a bucket) is only in the log line the store wrote and in the
 * cause.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String operation, StorageKey key, String reason, Throwable cause) {
        super("Storage is unavailable: could not " + operation + (key == null ? "" : " " + key.value()) + " (" + reason + ")", cause);
    }
}

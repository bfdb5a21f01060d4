package dev.salesbot.sync.storage.control;

/** The storage backend failed; the caller keeps the work pending and retries later. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.salesbot.sync.security.control;

/** An OAuth state that must not be honoured; the message is safe to show. */
public class InvalidState extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean expired;

    public InvalidState(String reason) {
        this(reason, false);
    }

    private InvalidState(String reason, boolean expired) {
        super(reason);
        this.expired = expired;
    }

    /** A state that was good but is too old: the merchant took too long, not an attack. */
    public static InvalidState expired(String reason) {
        return new InvalidState(reason, true);
    }

    public boolean isExpired() {
        return expired;
    }
}

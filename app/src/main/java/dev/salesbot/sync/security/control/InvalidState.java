package dev.salesbot.sync.security.control;

/** An OAuth state that must not be honoured; the message is safe to show. */
public class InvalidState extends RuntimeException {

    public InvalidState(String reason) {
        super(reason);
    }
}

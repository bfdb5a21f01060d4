package dev.salesbot.sync.security.control;

/**
 * A stored token that no configured key opens: the operator's to fix (a mistyped or missing
 * {@code TOKEN_ENCRYPTION_KEY} or {@code TOKEN_ENCRYPTION_KEY_PREVIOUS}), never the merchant's. The
 * message names the settings and never holds the stored value.
 */
public class UnreadableToken extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public static final String REASON = "stored token unreadable: check TOKEN_ENCRYPTION_KEY";

    public UnreadableToken(String detail, Throwable cause) {
        super(REASON + " (" + detail + ")", cause);
    }
}

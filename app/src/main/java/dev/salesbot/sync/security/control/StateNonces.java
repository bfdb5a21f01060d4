package dev.salesbot.sync.security.control;

/**
 * Where a browser session keeps the nonces of the OAuth states it was given and has not used yet
 * (the {@code sessions.boundary.BrowserSession}, which keeps them in the database): a control that issues or checks a state is handed this,
 * never the session itself.
 */
public interface StateNonces {

    void remember(String nonce);

    /** Whether the nonce was given to this session and not used yet; after this call it is used. */
    boolean consume(String nonce);
}

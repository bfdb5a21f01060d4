package dev.salesbot.sync.security.boundary;

import dev.salesbot.sync.security.control.StateNonces;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The nonces of the states this browser session was given and has not used yet. Consuming one
 * removes it, so a state works once; a state from another session finds nothing here.
 */
@SessionScoped
public class PendingStates implements StateNonces, Serializable {

    private static final long serialVersionUID = 1L;
    /** A browser that opens many login tabs keeps only the latest few. */
    private static final int MAX_PENDING = 16;

    private final Set<String> nonces = new LinkedHashSet<>();

    @Override
    public synchronized void remember(String nonce) {
        nonces.add(nonce);
        while (nonces.size() > MAX_PENDING) {
            nonces.remove(nonces.iterator().next());
        }
    }

    @Override
    public synchronized boolean consume(String nonce) {
        return nonces.remove(nonce);
    }
}

package dev.salesbot.sandbox.facebook;

/**
 * The Login dialog refuses a request (unknown app, missing redirect_uri): Facebook shows an error
 * page instead of redirecting, since the redirect target itself cannot be trusted.
 */
public class DialogException extends RuntimeException {

    public DialogException(String message) {
        super(message, null, false, false);
    }
}

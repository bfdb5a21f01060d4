package dev.salesbot.sync.admin.control;

/**
 * The database could not count a login attempt, so it is not checked: the admin area answers 503
 * rather than check a password no server has counted.
 */
public class LoginsUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LoginsUnavailable(Throwable cause) {
        super("Failed logins cannot be counted: " + cause.getMessage(), cause);
    }
}

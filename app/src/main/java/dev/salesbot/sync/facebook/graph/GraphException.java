package dev.salesbot.sync.facebook.graph;

/**
 * Graph answered an error (or could not be reached: {@code httpStatus} 0). Branch on {@link #code()}
 * and {@link #subcode()}, never on the message. The message is Graph's own error message, which
 * names no token, with what we were doing; it is safe to log and to show.
 */
public class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final int minutesToRegainAccess;

    public GraphException(int httpStatus, int code, Integer subcode, String message) {
        this(httpStatus, code, subcode, message, 0);
    }

    public GraphException(int httpStatus, int code, Integer subcode, String message, int minutesToRegainAccess) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.minutesToRegainAccess = minutesToRegainAccess;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public Integer subcode() {
        return subcode;
    }

    /** 190: the token expired or was revoked; only the merchant can fix it, by connecting again. */
    public boolean tokenInvalid() {
        return code == 190;
    }

    /** 10 (permission denied) and 200–299 (a permission not granted): only a new Login helps. */
    public boolean permissionMissing() {
        return code == 10 || code >= 200 && code <= 299;
    }

    /**
     * Worth trying again later: Graph unreachable (0), a 5xx, or codes 1 (unknown error) and 2
     * (service temporarily unavailable), as https://developers.facebook.com/docs/graph-api/guides/error-handling lists them.
     */
    public boolean transientFailure() {
        return httpStatus == 0 || httpStatus >= 500 || code == 1 || code == 2;
    }

    /** How long Graph said access returns after a rate limit (0: not said). */
    public int minutesToRegainAccess() {
        return minutesToRegainAccess;
    }

    /** 4 app, 17 user, 32 Page, 613 custom rate limit. */
    public boolean rateLimited() {
        return isRateLimitCode(code);
    }

    /** A wait between Graph calls was interrupted: the call ends and the sync is retried later. */
    public static GraphException interrupted(InterruptedException e) {
        return new GraphException(0, 0, null, "interrupted while pacing Graph calls");
    }

    public static boolean isRateLimitCode(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613;
    }
}

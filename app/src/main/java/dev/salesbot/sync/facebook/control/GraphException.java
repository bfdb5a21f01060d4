package dev.salesbot.sync.facebook.control;

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

    public GraphException(int httpStatus, int code, Integer subcode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
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

    /** 4 app, 17 user, 32 Page, 613 custom rate limit. */
    public boolean rateLimited() {
        return isRateLimitCode(code);
    }

    public static boolean isRateLimitCode(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613;
    }
}

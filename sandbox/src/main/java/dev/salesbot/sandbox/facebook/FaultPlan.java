package dev.salesbot.sandbox.facebook;

import java.util.Optional;

/** Rate-limit errors a test has asked for: the next {@code count} Graph API calls fail with {@code code}. */
final class FaultPlan {

    private Integer code;
    private int remaining;

    synchronized void arm(Integer rateLimitCode, int count) {
        if (rateLimitCode != null && !GraphError.isRateLimitCode(rateLimitCode)) {
            throw new IllegalArgumentException("rateLimitCode must be 4, 17, 32 or 613");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0");
        }
        code = rateLimitCode;
        remaining = rateLimitCode == null ? 0 : count;
    }

    /** The error for this call if one is planned; each call uses one. */
    synchronized Optional<GraphError> take() {
        if (code == null || remaining == 0) {
            return Optional.empty();
        }
        remaining--;
        return Optional.of(GraphError.rateLimited(code));
    }

    synchronized void clear() {
        code = null;
        remaining = 0;
    }
}

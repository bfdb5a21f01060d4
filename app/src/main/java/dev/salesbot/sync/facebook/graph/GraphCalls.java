package dev.salesbot.sync.facebook.graph;

import dev.salesbot.sync.queue.control.Sleeper;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every Graph call goes through: read the usage headers and slow down above 80 %, retry a
 * bounded number of times on rate-limit codes (4, 17, 32, 613), and turn any other error into a
 * {@link GraphException}. Plain Java so that tests drive it with scripted answers and a
 * recording {@link Sleeper}.
 */
public final class GraphCalls {

    private static final System.Logger LOGGER = System.getLogger(GraphCalls.class.getName());

    private final Sleeper sleeper;

    public GraphCalls(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * @param what what the call does ("read Page 123"), for messages; never a URL
     * @param send sends the request once and answers what came back
     */
    public JsonObject call(String what, Supplier<GraphReply> send) {
        for (int attempt = 1; ; attempt++) {
            GraphReply reply = send.get();
            Duration pause = Pacing.slowDown(reply.usage());
            if (!pause.isZero()) {
                LOGGER.log(System.Logger.Level.INFO, "Graph usage at {0} %: pausing {1} ms after the call to {2}",
                        reply.usage().percent(), pause.toMillis(), what);
                sleeper.sleep(pause);
            }
            if (!reply.failed()) {
                return reply.body();
            }
            GraphException error = reply.error(what);
            if (!error.rateLimited() || !Pacing.retryNow(attempt, reply.usage())) {
                throw error;
            }
            Duration backoff = Pacing.backoff(attempt);
            LOGGER.log(System.Logger.Level.WARNING, "Graph rate limit (code {0}) when asked to {1}; retry {2} of {3} in {4} s",
                    error.code(), what, attempt, Pacing.MAX_RETRIES, backoff.toSeconds());
            sleeper.sleep(backoff);
        }
    }
}

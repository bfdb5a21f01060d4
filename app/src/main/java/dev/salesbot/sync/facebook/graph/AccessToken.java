package dev.salesbot.sync.facebook.graph;

import java.util.Objects;

/**
 * A user or Page access token in memory, on its way to the cipher or to a Graph call. A type of
 * its own so that printing it (a log line, an exception, a debugger) never shows the value.
 */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    public String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[****]";
    }
}

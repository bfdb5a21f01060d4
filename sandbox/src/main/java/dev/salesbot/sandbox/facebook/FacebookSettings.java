package dev.salesbot.sandbox.facebook;

/**
 * The simulated Facebook app and user, as configured. {@code callsPerHour} is the budget behind
 * the usage headers: reaching it is 100 % and the next call is throttled.
 */
public record FacebookSettings(String appId, String appSecret, int pages, int callsPerHour) {

    public static final String APP_NAME = "Salesbot Sync (sandbox)";

    public FacebookSettings {
        if (pages < 0 || callsPerHour < 1) {
            throw new IllegalArgumentException("pages must be >= 0 and callsPerHour >= 1");
        }
    }
}

package dev.salesbot.sync.config;

/**
 * A setting the application cannot run without is missing or malformed. The message names the
 * environment variable and says what it should hold; it never contains a value.
 */
public class RequiredSetting extends IllegalStateException {

    public RequiredSetting(String variable, String expectation) {
        super("Configuration " + variable + " is missing or invalid: " + expectation
                + ". Set the environment variable " + variable + " (or the MicroProfile Config property of that name).");
    }
}

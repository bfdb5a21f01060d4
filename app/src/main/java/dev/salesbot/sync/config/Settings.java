package dev.salesbot.sync.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/**
 * Reads MicroProfile Config by the environment variable names of the tutorial. Secrets have no
 * default anywhere: {@link #required} fails with {@link RequiredSetting}, naming the variable.
 */
public final class Settings {

    private Settings() {
    }

    /** The setting looked up by name, trimmed; blank is absent. */
    public static Optional<String> optional(String name) {
        return present(config().getOptionalValue(name, String.class));
    }

    /** An injected optional setting, trimmed; blank is absent. */
    public static Optional<String> present(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    /** An injected setting that must be given: trimmed, or a {@link RequiredSetting} naming the variable. */
    public static String required(Optional<String> value, String name, String expectation) {
        return present(value).orElseThrow(() -> new RequiredSetting(name, expectation));
    }

    private static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }
}

package dev.salesbot.sync.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/**
 * Reads MicroProfile Config by the environment variable names of the tutorial. Secrets have no
 * default anywhere: {@link #require} fails with {@link RequiredSetting}, naming the variable.
 */
public final class Settings {

    private Settings() {
    }

    public static String require(String name, String expectation) {
        return optional(name).orElseThrow(() -> new RequiredSetting(name, expectation));
    }

    public static Optional<String> optional(String name) {
        return config().getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }
}

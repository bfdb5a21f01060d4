package dev.salesbot.sync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the integration tests' server was started with ({@code it.properties}, or the file the
 * failsafe execution names in {@code it.settings}), and where it listens.
 */
public final class ItSettings {

    private static final Properties PROPERTIES = load();

    private ItSettings() {
    }

    public static String get(String name) {
        String value = PROPERTIES.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in it.properties");
        }
        return value;
    }

    /** Every setting, as a copy a test may change to start a server of its own. */
    public static Properties all() {
        Properties copy = new Properties();
        copy.putAll(PROPERTIES);
        return copy;
    }

    /** Always loopback: the server is bound to 127.0.0.1 and tests talk to nothing else. */
    public static URI baseUri() {
        return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/");
    }

    public static Path itDir() {
        return Path.of(System.getProperty("it.dir", "target/it"));
    }

    public static Path serverLog() {
        return itDir().resolve("server.log");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ItSettings.class.getResourceAsStream("/" + System.getProperty("it.settings", "it.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

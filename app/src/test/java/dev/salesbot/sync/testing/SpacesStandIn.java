package dev.salesbot.sync.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the S3Proxy the server under test uses as its Spaces bucket, on the port the build
 * reserved and wrote into {@code it-s3.properties}, before Arquillian starts the server (register
 * this extension first). One for the whole run; tests may stop and restart it to simulate an outage.
 */
public final class SpacesStandIn implements BeforeAllCallback {

    private static S3ProxyServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        // -Dit.test=…S3IT selects the class in the local-storage execution too, whose server has no bucket.
        Assumptions.assumeTrue("it-s3.properties".equals(System.getProperty("it.settings")), "Spaces execution only");
        start();
    }

    public static synchronized S3ProxyServer start() {
        if (server == null) {
            server = S3ProxyServer.start(ItSettings.get("SPACES_BUCKET"), ItSettings.get("SPACES_ACCESS_KEY"),
                    ItSettings.get("SPACES_SECRET_KEY"), Integer.parseInt(System.getProperty("it.s3.port")));
        }
        return server;
    }

    /** Stops the bucket's server: every request to it now fails to connect. Contents are lost. */
    public static synchronized void stop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static synchronized S3ProxyServer server() {
        return start();
    }
}

package dev.salesbot.sync.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One S3Proxy for the whole test run, shared by every class that uses this extension: it lives
 * in the root store, so JUnit stops it after the last test. Test methods, lifecycle methods and
 * constructors receive it as an {@link S3ProxyServer} parameter.
 *
 * <p>For Arquillian ITs: register this extension before Arquillian's, so the server runs before
 * the container starts, and pass {@link S3ProxyServer#spacesSettings()} to the container (they
 * are also published as the {@code it.s3.*} system properties, beside {@code it.http.port}).
 */
public final class S3ProxyExtension implements BeforeAllCallback, ParameterResolver {

    public static final String BUCKET = "salesbot-it";
    public static final String ACCESS_KEY = "it-access-key";
    // A test credential for a loopback server that lives as long as the test run.
    public static final String SECRET_KEY = "it-secret-key-for-s3proxy";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(S3ProxyExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    /** The run's server, started on first use. */
    public static S3ProxyServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(S3ProxyServer.class, type -> publish(S3ProxyServer.start(BUCKET, ACCESS_KEY, SECRET_KEY)),
                        S3ProxyServer.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static S3ProxyServer publish(S3ProxyServer server) {
        System.setProperty("it.s3.endpoint", server.endpoint().toString());
        System.setProperty("it.s3.port", Integer.toString(server.port()));
        System.setProperty("it.s3.region", server.region());
        System.setProperty("it.s3.bucket", server.bucket());
        System.setProperty("it.s3.accessKey", server.accessKey());
        System.setProperty("it.s3.secretKey", server.secretKey());
        return server;
    }
}

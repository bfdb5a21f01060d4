package dev.salesbot.sandbox;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look it up
 * through the ServiceLoader on every call (JSON-P's javadoc advises caching it): in a server that
 * scan of the class loader's JARs was most of the sandbox's CPU time under the cluster test's
 * load. {@code JsonProvider} has the same factory methods as {@code Json}.
 */
public final class SandboxJson {

    public static final JsonProvider JSON = JsonProvider.provider();

    private SandboxJson() {
    }
}

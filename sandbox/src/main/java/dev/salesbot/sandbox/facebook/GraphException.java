package dev.salesbot.sandbox.facebook;

/**
 * Carries a {@link GraphError} out of the simulation's logic to the one place that turns it into
 * an HTTP answer ({@link GraphCalls}); deliberately not a JAX-RS exception so the logic stays
 * testable without a container.
 */
public class GraphException extends RuntimeException {

    private final transient GraphError error;

    public GraphException(GraphError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public GraphError error() {
        return error;
    }
}

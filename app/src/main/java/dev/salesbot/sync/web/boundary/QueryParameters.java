package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.problems.control.Refusal;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;

/** OAuth callbacks' query parameters, each given once: a repeated one is ambiguous, so it is refused. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Map<String, String> singleValued(MultivaluedMap<String, String> parameters) {
        Map<String, String> single = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (values.size() != 1) {
                throw Refusal.badInput("repeated-parameter", "The parameter '" + name + "' is given more than once.");
            }
            single.put(name, values.get(0));
        });
        return single;
    }
}

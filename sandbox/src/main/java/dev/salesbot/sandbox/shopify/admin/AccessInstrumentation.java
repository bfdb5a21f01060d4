package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.SourceLocation;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every field as it is served, on the object it is served for (so {@code nodes(ids:)}
 * denies an order among products, not the products): a field the grant does not cover is not
 * fetched and is recorded; {@link AdminGraphql} then answers {@code ACCESS_DENIED} with
 * {@code "data": null}. The grant travels in the execution's {@link GraphQLContext}.
 */
final class AccessInstrumentation extends SimplePerformantInstrumentation {

    static final String GRANTED = "sandbox.access.granted";
    static final String DENIED_FIELDS = "sandbox.access.deniedFields";
    static final String DENIALS = "sandbox.access.denials";

    /** A field refused while executing: its path in the answer, name, location and what it needs. */
    record Denied(List<Object> path, String field, SourceLocation location, String requiredAccess) {
    }

    private final AccessRules rules;

    AccessInstrumentation(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return env -> {
            GraphQLContext context = env.getGraphQlContext();
            Set<String> granted = context.get(GRANTED);
            String field = env.getFieldDefinition().getName();
            if (granted == null || field.startsWith("__") || !(env.getParentType() instanceof GraphQLNamedType parent)) {
                return fetcher.get(env);
            }
            Set<String> deniedFields = context.getOrDefault(DENIED_FIELDS, Set.of());
            Optional<String> required = rules.required(parent.getName(), field, AccessRules.returnType(env.getFieldType()),
                    granted, deniedFields);
            if (required.isPresent()) {
                List<Denied> denials = context.get(DENIALS);
                denials.add(new Denied(env.getExecutionStepInfo().getPath().toList(), field,
                        env.getField().getSourceLocation(), required.get()));
                return null;
            }
            return fetcher.get(env);
        };
    }
}

package dev.salesbot.sandbox.shopify.admin;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Admin GraphQL call, in Shopify's order: injected fault, parse, validate against the real
 * schema, coerce variables, compute the requested cost, refuse it over 1,000
 * ({@code MAX_COST_EXCEEDED}), take it from the store's bucket or refuse ({@code THROTTLED}),
 * check the token's access scopes ({@code ACCESS_DENIED}, with {@code "data": null}), execute,
 * refund requested minus actual. Every step's refusal is an HTTP 200 with {@code errors}, as
 * Shopify answers.
 */
final class AdminGraphql {

    private static final System.Logger LOGGER = System.getLogger(AdminGraphql.class.getName());

    private final AdminSchema schema;
    private final QueryCosts costs;
    private final GraphQL graphql;
    private final InstantSource clock;

    AdminGraphql(AdminSchema schema, InstantSource clock) {
        this.schema = schema;
        this.costs = new QueryCosts(schema.graphQLSchema());
        this.graphql = GraphQL.newGraphQL(schema.graphQLSchema())
                .instrumentation(new AccessInstrumentation(schema.access()))
                // Execution reuses the document parsed and validated just before (graphql-java would do both again).
                .preparsedDocumentProvider((input, parseAndValidate) -> {
                    Prepared prepared = prepared(input.getQuery());
                    return java.util.concurrent.CompletableFuture.completedFuture(prepared != null && prepared.invalid().isEmpty()
                            ? new graphql.execution.preparsed.PreparsedDocumentEntry(prepared.document())
                            : parseAndValidate.apply(input));
                })
                .build();
        this.clock = clock;
    }

    /** A query text parsed and validated once: the product sends the same few texts again and again. */
    record Prepared(Document document, List<GraphQLError> invalid, List<String> deprecated) {
    }

    /** Distinct query texts kept; a client sending ever new texts (literals in place of variables) is simply parsed each time. */
    static final int PREPARED_KEPT = 500;

    private final Map<String, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    private Prepared prepared(String query) {
        return query == null ? null : prepared.get(query);
    }

    /** Parse, validate and find deprecated selections, or the kept result of doing so for the same text. */
    private Prepared prepare(String query) {
        Prepared known = prepared.get(query);
        if (known != null) {
            return known;
        }
        Document document = Parser.parse(query);
        Prepared fresh = new Prepared(document, schema.validate(document), schema.deprecatedFieldsSelected(query));
        if (prepared.size() < PREPARED_KEPT) {
            prepared.put(query, fresh);
        }
        return fresh;
    }

    /** @param granted the scopes of the calling token's grant */
    AdminAnswer execute(SandboxShop shop, String query, Map<String, Object> variables, String operationName,
                        java.util.Set<String> granted) {
        shop.stats().request(query);
        pause(shop.latencyMillis());
        var fault = shop.takeFault();
        if (fault.isPresent()) {
            return failure(fault.get());
        }
        if (query == null || query.isBlank()) {
            shop.stats().invalid();
            return AdminAnswer.ok(Map.of("errors", List.of(Map.of("message", "No query string was present"))));
        }
        Prepared prepared;
        try {
            prepared = prepare(query);
        } catch (InvalidSyntaxException e) {
            shop.stats().invalid();
            return AdminAnswer.ok(Map.of("errors", List.of(ShopifyErrors.syntax(e))));
        }
        Document document = prepared.document();
        List<GraphQLError> invalid = prepared.invalid();
        if (!invalid.isEmpty()) {
            shop.stats().invalid();
            String label = operationLabel(document, operationName);
            return AdminAnswer.ok(Map.of("errors", invalid.stream()
                    .map(e -> e instanceof graphql.validation.ValidationError v ? ShopifyErrors.validation(v, label)
                            : ShopifyErrors.execution(e))
                    .toList()));
        }
        shop.stats().deprecated(prepared.deprecated());
        Map<String, Object> vars = variables == null ? Map.of() : variables;
        ExecutableNormalizedOperation operation;
        try {
            operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                    schema.graphQLSchema(), document, operationName, RawVariables.of(vars));
        } catch (GraphQLException e) {
            shop.stats().invalid();
            String code = e.getMessage() != null && e.getMessage().contains("ariable") ? "INVALID_VARIABLE" : "BAD_REQUEST";
            return AdminAnswer.ok(Map.of("errors", List.of(ShopifyErrors.coded(e.getMessage(), null, null, code))));
        }
        QueryCosts.Requested requested = costs.requested(operation);
        if (requested.cost() > QueryCosts.MAX_SINGLE_QUERY_COST) {
            shop.stats().maxCostExceeded();
            // Measured on Shopify: this refusal carries no top-level extensions.cost at all.
            return AdminAnswer.ok(Map.of("errors", List.of(ShopifyErrors.maxCostExceeded(requested.cost()))));
        }
        if (!shop.bucket().tryTake(requested.cost())) {
            shop.stats().throttled();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errors", List.of(ShopifyErrors.throttled()));
            body.put("extensions", costExtension(requested.cost(), null, shop.bucket().status()));
            return AdminAnswer.ok(body);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        int actual;
        if (!requested.problems().isEmpty()) {
            actual = requested.cost();
            body.put("errors", requested.problems().stream().map(p -> pageProblem(operation, p)).toList());
            body.put("data", null);
        } else {
            List<AccessInstrumentation.Denied> denied = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput(query)
                    .operationName(operationName)
                    .variables(vars)
                    .root(AdminRoot.of(shop, schema, clock, this))
                    .graphQLContext(Map.of(AccessInstrumentation.GRANTED, granted,
                            AccessInstrumentation.DENIED_FIELDS, shop.deniedFields(),
                            AccessInstrumentation.DENIALS, denied))
                    .build());
            Map<String, Object> data = result.getData();
            actual = Math.min(requested.cost(), costs.actual(operation, data));
            if (!denied.isEmpty()) {
                // Shopify answers the whole query with data null and one error per denied field.
                shop.stats().accessDenied();
                body.put("errors", denied.stream().map(d -> ShopifyErrors.accessDenied(d.field(), d.requiredAccess(),
                        d.location() == null ? List.of() : List.of(d.location()), d.path())).toList());
                body.put("data", null);
                shop.bucket().refund(requested.cost() - actual);
                shop.stats().cost(requested.cost(), actual, shop.bucket().status());
                body.put("extensions", costExtension(requested.cost(), actual, shop.bucket().status()));
                return AdminAnswer.ok(body);
            }
            if (!result.getErrors().isEmpty()) {
                body.put("errors", result.getErrors().stream().map(ShopifyErrors::execution).toList());
                LOGGER.log(System.Logger.Level.DEBUG, "Admin query on {0} answered with errors: {1}",
                        shop.name(), result.getErrors());
            }
            body.put("data", data);
        }
        shop.bucket().refund(requested.cost() - actual);
        shop.stats().cost(requested.cost(), actual, shop.bucket().status());
        body.put("extensions", costExtension(requested.cost(), actual, shop.bucket().status()));
        return AdminAnswer.ok(body);
    }

    private final Map<String, List<BulkQueryRules.Connection>> bulkConnections = new java.util.concurrent.ConcurrentHashMap<>();

    /** One window of a bulk query as executed: its data, the fields the grant denied, execution errors, and its connections. */
    record BulkChunk(Map<String, Object> data, List<AccessInstrumentation.Denied> denied, List<GraphQLError> errors,
                     List<BulkQueryRules.Connection> connections) {
    }

    /**
     * Executes one window of a bulk query's roots ({@link BulkOperations}): no cost, no bucket (a
     * bulk operation's work is not charged to it), every field checked against {@code granted}.
     */
    BulkChunk executeBulk(SandboxShop shop, String query, java.util.Set<String> granted, BulkWindow window) {
        prepare(query);
        List<AccessInstrumentation.Denied> denied = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput(query)
                .root(AdminRoot.of(shop, schema, clock, this))
                .graphQLContext(Map.of(AccessInstrumentation.GRANTED, granted,
                        AccessInstrumentation.DENIED_FIELDS, shop.deniedFields(),
                        AccessInstrumentation.DENIALS, denied,
                        BulkWindow.KEY, window))
                .build());
        // Worked out once per query text, not once per window.
        List<BulkQueryRules.Connection> connections = bulkConnections.computeIfAbsent(query, q -> BulkQueryRules.connections(schema, q));
        return new BulkChunk(result.getData(), List.copyOf(denied), result.getErrors(), connections);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static AdminAnswer failure(int status) {
        if (status == 429) {
            return new AdminAnswer(429, Map.of("errors",
                    "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."),
                    Map.of("Retry-After", "2.0"));
        }
        String reason = status >= 500 ? "Internal Server Error" : "Error " + status;
        return new AdminAnswer(status, Map.of("errors", reason), Map.of());
    }

    private static Map<String, Object> pageProblem(ExecutableNormalizedOperation operation, QueryCosts.PageProblem problem) {
        List<SourceLocation> at = List.of();
        var merged = operation.getMergedField(problem.field());
        if (merged != null && merged.getSingleField().getSourceLocation() != null) {
            at = List.of(merged.getSingleField().getSourceLocation());
        }
        List<String> path = new ArrayList<>();
        for (ExecutableNormalizedField f = problem.field(); f != null; f = f.getParent()) {
            path.add(0, f.getResultKey());
        }
        return ShopifyErrors.coded(problem.message(), at, path, problem.code());
    }

    static Map<String, Object> costExtension(int requested, Integer actual, LeakyBucket.Status status) {
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", status.maximumAvailable());
        throttle.put("currentlyAvailable", status.currentlyAvailable());
        throttle.put("restoreRate", status.restoreRate());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", throttle);
        return Map.of("cost", cost);
    }

    /** graphql-ruby names the root of a validation path after the operation: "query Name" or "query". */
    private static String operationLabel(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = operations.stream()
                .filter(o -> operationName == null || operationName.equals(o.getName()))
                .findFirst().orElse(operations.isEmpty() ? null : operations.get(0));
        if (operation == null) {
            return "query";
        }
        String kind = operation.getOperation().name().toLowerCase(java.util.Locale.ROOT);
        return operation.getName() == null ? kind : kind + " " + operation.getName();
    }
}

package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The restrictions Shopify puts on a bulk query (https://shopify.dev/docs/api/usage/bulk-operations/queries,
 * "Operation restrictions"; API 2026-10's {@code bulkOperationRunQuery}: "The query must include at
 * least one connection field and supports up to five connections with a maximum nesting depth of
 * two levels"): a valid query against the schema, no variables, at least one connection, at most
 * five, no connection under more than two others, no top-level {@code node} or {@code nodes}.
 * Each refusal is a {@code BulkOperationUserError} ({@code code INVALID}, {@code field ["query"]}).
 */
final class BulkQueryRules {

    static final int MAX_CONNECTIONS = 5;
    static final int MAX_NESTING = 2;

    private BulkQueryRules() {
    }

    /** Why Shopify would refuse {@code query} as a bulk query; empty when it would run. */
    static List<Map<String, Object>> check(AdminSchema schema, String query) {
        if (query == null || query.isBlank()) {
            return List.of(invalid("Invalid bulk query: the query is empty."));
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return List.of(invalid("Invalid bulk query: " + e.getMessage()));
        }
        List<GraphQLError> invalid = schema.validate(document);
        if (!invalid.isEmpty()) {
            return invalid.stream().map(e -> invalid("Invalid bulk query: " + e.getMessage())).toList();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() != 1 || operations.get(0).getOperation() != OperationDefinition.Operation.QUERY) {
            return List.of(invalid("Invalid bulk query: it must be exactly one query operation (mutations run as bulkOperationRunMutation)."));
        }
        if (!operations.get(0).getVariableDefinitions().isEmpty()) {
            return List.of(invalid("Invalid bulk query: variables are not supported; write the values into the query."));
        }
        ExecutableNormalizedOperation operation;
        try {
            operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                    schema.graphQLSchema(), document, null, RawVariables.emptyVariables());
        } catch (GraphQLException e) {
            return List.of(invalid("Invalid bulk query: " + e.getMessage()));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            if (root.getName().equals("node") || root.getName().equals("nodes")) {
                errors.add(invalid("Bulk queries cannot use the top-level `" + root.getName() + "` field."));
            }
        }
        List<Connection> connections = connections(schema, operation);
        if (connections.isEmpty()) {
            errors.add(invalid("Bulk queries must contain at least one connection."));
        }
        // Counted as written: a connection selected under several type conditions counts once for each.
        int written = connections.stream().mapToInt(Connection::occurrences).sum();
        if (written > MAX_CONNECTIONS) {
            errors.add(invalid("Bulk queries cannot contain more than " + MAX_CONNECTIONS + " connections (this one has "
                    + written + ")."));
        }
        connections.stream().filter(c -> c.nesting() > MAX_NESTING).findFirst().ifPresent(c -> errors.add(invalid(
                "Bulk queries cannot nest connections more than " + MAX_NESTING + " levels deep (`"
                        + String.join(".", c.path()) + "`).")));
        return errors;
    }

    /**
     * A connection field: its result-key path from the root, how many connections enclose it, and
     * under how many type conditions it is selected (each counts against the limit).
     */
    record Connection(List<String> path, int nesting, int occurrences) {
    }

    /** Every connection field of a query Shopify accepts for bulk, in document order. */
    static List<Connection> connections(AdminSchema schema, String query) {
        return connections(schema, ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                schema.graphQLSchema(), Parser.parse(query), null, RawVariables.emptyVariables()));
    }

    private static List<Connection> connections(AdminSchema schema, ExecutableNormalizedOperation operation) {
        Map<List<String>, Connection> found = new LinkedHashMap<>();
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            walk(schema, root, new ArrayList<>(), 0, found);
        }
        return List.copyOf(found.values());
    }

    private static void walk(AdminSchema schema, ExecutableNormalizedField field, List<String> parent, int enclosing,
                             Map<List<String>, Connection> found) {
        List<String> path = new ArrayList<>(parent);
        path.add(field.getResultKey());
        int inside = enclosing;
        if (isConnection(schema, field)) {
            int occurrences = Math.max(1, field.getObjectTypeNames().size());
            found.merge(List.copyOf(path), new Connection(List.copyOf(path), enclosing, occurrences),
                    (a, b) -> new Connection(a.path(), Math.max(a.nesting(), b.nesting()), a.occurrences() + b.occurrences()));
            inside = enclosing + 1;
        }
        for (ExecutableNormalizedField child : field.getChildren()) {
            walk(schema, child, path, inside, found);
        }
    }

    private static boolean isConnection(AdminSchema schema, ExecutableNormalizedField field) {
        Set<String> types = new LinkedHashSet<>();
        for (GraphQLFieldDefinition definition : field.getFieldDefinitions(schema.graphQLSchema())) {
            types.add(GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(definition.getType())));
        }
        return types.stream().anyMatch(t -> t.endsWith("Connection"));
    }

    static Map<String, Object> invalid(String message) {
        return userError("INVALID", message);
    }

    static Map<String, Object> userError(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", List.of("query"));
        error.put("message", message);
        error.put("code", code);
        return error;
    }
}

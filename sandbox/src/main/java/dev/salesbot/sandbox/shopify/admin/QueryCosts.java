package dev.salesbot.sandbox.shopify.admin;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopify's calculated query cost, as documented under "Cost calculation" in
 * https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits: a scalar or enum costs 0,
 * an object 1, an interface or union the most expensive of its possible selections, a
 * connection 2 plus {@code first}/{@code last} times the cost of one node, and a mutation 10.
 *
 * <p>Decisions where the documentation is silent: {@code pageInfo}, {@code edges} and
 * {@code cursor} are part of the connection's 2; when both {@code edges { node }} and
 * {@code nodes} are selected the dearer one counts; a list of objects that is not a connection
 * costs as one object, except {@code nodes(ids:)}, which costs one node per id.
 *
 * <p>The actual cost follows the same rules over the result: connections count the nodes they
 * returned and an object that came back null costs nothing.
 */
final class QueryCosts {

    static final int MAX_SINGLE_QUERY_COST = 1000;
    static final int MAX_PAGE_SIZE = 250;
    static final int MUTATION_COST = 10;
    private static final int CONNECTION_COST = 2;

    /** A connection argument Shopify refuses at execution (missing, doubled or oversized page). */
    record PageProblem(ExecutableNormalizedField field, String message, String code) {
    }

    /** The requested cost and any paging problems found while computing it. */
    record Requested(int cost, List<PageProblem> problems) {
    }

    private final GraphQLSchema schema;

    QueryCosts(GraphQLSchema schema) {
        this.schema = schema;
    }

    Requested requested(ExecutableNormalizedOperation operation) {
        List<PageProblem> problems = new ArrayList<>();
        long cost = 0;
        boolean mutation = operation.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION;
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            cost += mutation && !introspection(root) ? MUTATION_COST : requested(root, problems);
        }
        return new Requested((int) Math.min(Integer.MAX_VALUE, cost), List.copyOf(problems));
    }

    int actual(ExecutableNormalizedOperation operation, Map<String, Object> data) {
        if (data == null) {
            return 0;
        }
        boolean mutation = operation.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION;
        long cost = 0;
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            if (!data.containsKey(root.getResultKey())) {
                continue;
            }
            cost += mutation && !introspection(root) ? MUTATION_COST : actual(root, data.get(root.getResultKey()));
        }
        return (int) Math.min(Integer.MAX_VALUE, cost);
    }

    private long requested(ExecutableNormalizedField field, List<PageProblem> problems) {
        if (introspection(field)) {
            return 0;
        }
        GraphQLNamedType type = outputType(field);
        if (!isComposite(type)) {
            return 0;
        }
        if (isConnection(type)) {
            int size = pageSize(field, problems);
            long node = 0;
            for (ExecutableNormalizedField child : field.getChildren()) {
                if (child.getName().equals("nodes")) {
                    node = Math.max(node, 1 + childrenRequested(child, problems));
                } else if (child.getName().equals("edges")) {
                    for (ExecutableNormalizedField edgeChild : child.getChildren()) {
                        if (edgeChild.getName().equals("node")) {
                            node = Math.max(node, 1 + childrenRequested(edgeChild, problems));
                        }
                    }
                }
            }
            return CONNECTION_COST + size * node;
        }
        long one = 1 + childrenRequested(field, problems);
        return field.getName().equals("nodes") && field.getResolvedArguments().get("ids") instanceof List<?> ids
                ? ids.size() * one : one;
    }

    /** Sum of the children; for an abstract type, the dearest set of children any one type selects. */
    private long childrenRequested(ExecutableNormalizedField field, List<PageProblem> problems) {
        long best = 0;
        for (List<ExecutableNormalizedField> group : byObjectType(field.getChildren())) {
            long sum = 0;
            for (ExecutableNormalizedField child : group) {
                sum += requested(child, problems);
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    private int pageSize(ExecutableNormalizedField field, List<PageProblem> problems) {
        Object first = field.getResolvedArguments().get("first");
        Object last = field.getResolvedArguments().get("last");
        boolean pagedField = fieldDefinition(field).getArgument("first") != null
                || fieldDefinition(field).getArgument("last") != null;
        if (!pagedField) {
            return 0;
        }
        if (first == null && last == null) {
            problems.add(new PageProblem(field, "you must provide one of first or last", "BAD_REQUEST"));
            return 0;
        }
        if (first != null && last != null) {
            problems.add(new PageProblem(field, "providing both first and last is not supported", "BAD_REQUEST"));
        }
        String name = first != null ? "first" : "last";
        int size = ((Number) (first != null ? first : last)).intValue();
        if (size < 0 || size > MAX_PAGE_SIZE) {
            problems.add(new PageProblem(field, "Argument '" + name + "' on Field '" + field.getName()
                    + "' has an invalid value (" + size + "). Expected a page size from 0 to " + MAX_PAGE_SIZE + ".",
                    "argumentLiteralsIncompatible"));
            return Math.max(0, size);
        }
        return size;
    }

    private long actual(ExecutableNormalizedField field, Object value) {
        if (introspection(field)) {
            return 0;
        }
        GraphQLNamedType type = outputType(field);
        if (value == null || !isComposite(type)) {
            return 0;
        }
        if (isConnection(type) && value instanceof Map<?, ?> connection) {
            long viaNodes = 0;
            long viaEdges = 0;
            for (ExecutableNormalizedField child : field.getChildren()) {
                Object listed = connection.get(child.getResultKey());
                if (child.getName().equals("nodes") && listed instanceof List<?> nodes) {
                    viaNodes = Math.max(viaNodes, sumOverList(child, nodes));
                } else if (child.getName().equals("edges") && listed instanceof List<?> edges) {
                    viaEdges = Math.max(viaEdges, edgesActual(child, edges));
                }
            }
            return CONNECTION_COST + Math.max(viaNodes, viaEdges);
        }
        if (value instanceof List<?> list) {
            if (field.getName().equals("nodes") && field.getResolvedArguments().containsKey("ids")) {
                return sumOverList(field, list);
            }
            long dearest = 0;
            for (Object element : list) {
                dearest = Math.max(dearest, childrenActual(field, element));
            }
            return list.isEmpty() ? 0 : 1 + dearest;
        }
        return 1 + childrenActual(field, value);
    }

    private long edgesActual(ExecutableNormalizedField edgesField, List<?> edges) {
        long sum = 0;
        for (ExecutableNormalizedField edgeChild : edgesField.getChildren()) {
            if (!edgeChild.getName().equals("node")) {
                continue;
            }
            long total = 0;
            for (Object edge : edges) {
                Object node = edge instanceof Map<?, ?> m ? m.get(edgeChild.getResultKey()) : null;
                total += node == null ? 0 : 1 + childrenActual(edgeChild, node);
            }
            sum = Math.max(sum, total);
        }
        return sum;
    }

    private long sumOverList(ExecutableNormalizedField field, List<?> values) {
        long sum = 0;
        for (Object value : values) {
            sum += value == null ? 0 : 1 + childrenActual(field, value);
        }
        return sum;
    }

    private long childrenActual(ExecutableNormalizedField field, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return 0;
        }
        long best = 0;
        for (List<ExecutableNormalizedField> group : byObjectType(field.getChildren())) {
            long sum = 0;
            for (ExecutableNormalizedField child : group) {
                if (map.containsKey(child.getResultKey())) {
                    sum += actual(child, map.get(child.getResultKey()));
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /** Children grouped per concrete type they apply to; one group when the parent is an object. */
    private static List<List<ExecutableNormalizedField>> byObjectType(List<ExecutableNormalizedField> children) {
        Set<String> types = new HashSet<>();
        boolean single = true;
        String first = null;
        for (ExecutableNormalizedField child : children) {
            for (String name : child.getObjectTypeNames()) {
                types.add(name);
                if (first == null) {
                    first = name;
                } else if (!first.equals(name)) {
                    single = false;
                }
            }
        }
        if (single) {
            return List.of(children);
        }
        List<List<ExecutableNormalizedField>> groups = new ArrayList<>(types.size());
        for (String type : types) {
            groups.add(children.stream().filter(c -> c.getObjectTypeNames().contains(type)).toList());
        }
        return groups;
    }

    /** {@code __typename}, {@code __schema}: free, as on Shopify. */
    private static boolean introspection(ExecutableNormalizedField field) {
        return field.getName().startsWith("__");
    }

    private GraphQLFieldDefinition fieldDefinition(ExecutableNormalizedField field) {
        return field.getFieldDefinitions(schema).get(0);
    }

    private GraphQLNamedType outputType(ExecutableNormalizedField field) {
        return GraphQLTypeUtil.unwrapAll(fieldDefinition(field).getType());
    }

    private static boolean isComposite(GraphQLNamedType type) {
        return type instanceof graphql.schema.GraphQLCompositeType;
    }

    static boolean isConnection(GraphQLNamedType type) {
        return type instanceof GraphQLObjectType object
                && object.getName().endsWith("Connection")
                && object.getFieldDefinition("pageInfo") != null
                && (object.getFieldDefinition("edges") != null || object.getFieldDefinition("nodes") != null);
    }
}

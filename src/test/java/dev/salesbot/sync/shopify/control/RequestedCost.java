package dev.salesbot.sync.shopify.control;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shopify's documented requested-cost rules, applied to a query document: scalar and enum 0,
 * object 1, interface and union the maximum over their possible types, connection 2 +
 * {@code first} (or {@code last}) × one node, {@code nodes(ids:)} one node per id; a list of
 * objects with no size argument is counted once. Independent of the product code's constants,
 * which the tests compare with it.
 */
final class RequestedCost {

    private final GraphQLSchema schema;
    private final Document document;
    private final Map<String, Object> variables;
    private final Map<String, FragmentDefinition> fragments;

    RequestedCost(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.document = document;
        this.variables = variables;
        this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
    }

    int total() {
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        return selectionCost(operation.getSelectionSet(), schema.getQueryType());
    }

    private int selectionCost(SelectionSet selections, GraphQLNamedOutputType type) {
        if (selections == null) {
            return 0;
        }
        if (type instanceof GraphQLObjectType object) {
            return objectSelectionCost(selections, object);
        }
        List<GraphQLObjectType> possible = possibleTypes(type);
        return possible.stream().mapToInt(t -> objectSelectionCost(selections, t)).max().orElse(0);
    }

    private List<GraphQLObjectType> possibleTypes(GraphQLNamedOutputType type) {
        if (type instanceof GraphQLUnionType union) {
            return union.getTypes().stream().map(GraphQLObjectType.class::cast).toList();
        }
        return schema.getImplementations((GraphQLInterfaceType) type);
    }

    private int objectSelectionCost(SelectionSet selections, GraphQLObjectType type) {
        int sum = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                sum += fieldCost(field, type);
            } else if (selection instanceof InlineFragment inline) {
                if (applies(inline.getTypeCondition(), type)) {
                    sum += objectSelectionCost(inline.getSelectionSet(), type);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (applies(fragment.getTypeCondition(), type)) {
                    sum += objectSelectionCost(fragment.getSelectionSet(), type);
                }
            }
        }
        return sum;
    }

    private boolean applies(TypeName condition, GraphQLObjectType type) {
        if (condition == null || condition.getName().equals(type.getName())) {
            return true;
        }
        GraphQLType named = schema.getType(condition.getName());
        if (named instanceof GraphQLUnionType union) {
            return union.isPossibleType(type);
        }
        return type.getInterfaces().stream().anyMatch(i -> i.getName().equals(condition.getName()));
    }

    private int fieldCost(Field field, GraphQLFieldsContainer parent) {
        if (field.getName().startsWith("__")) {
            return 0;
        }
        GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
        GraphQLOutputType type = definition.getType();
        GraphQLNamedOutputType base = (GraphQLNamedOutputType) GraphQLTypeUtil.unwrapAll(type);
        if (GraphQLTypeUtil.isLeaf(base)) {
            return 0;
        }
        if (base.getName().endsWith("Connection")) {
            return 2 + size(field) * connectionNodeCost(field.getSelectionSet(), (GraphQLObjectType) base);
        }
        int one = 1 + selectionCost(field.getSelectionSet(), base);
        boolean list = GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
        return list ? Math.max(1, size(field)) * one : one;
    }

    private int connectionNodeCost(SelectionSet selections, GraphQLObjectType connection) {
        int most = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && field.getName().equals("edges")) {
                GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("edges").getType());
                for (Selection<?> inner : field.getSelectionSet().getSelections()) {
                    if (inner instanceof Field node && node.getName().equals("node")) {
                        GraphQLNamedOutputType nodeType = (GraphQLNamedOutputType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType());
                        most = Math.max(most, 1 + selectionCost(node.getSelectionSet(), nodeType));
                    }
                }
            } else if (selection instanceof Field field && field.getName().equals("nodes")) {
                GraphQLNamedOutputType nodeType = (GraphQLNamedOutputType) GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("nodes").getType());
                most = Math.max(most, 1 + selectionCost(field.getSelectionSet(), nodeType));
            }
        }
        return most;
    }

    /** {@code first}, {@code last} or the length of {@code ids}; 0 when none is given. */
    private int size(Field field) {
        for (Argument argument : field.getArguments()) {
            String name = argument.getName();
            if (name.equals("first") || name.equals("last") || name.equals("ids")) {
                Object value = resolve(argument.getValue());
                if (value instanceof Number number) {
                    return number.intValue();
                }
                if (value instanceof List<?> list) {
                    return list.size();
                }
            }
        }
        return 0;
    }

    private Object resolve(Value<?> value) {
        if (value instanceof VariableReference reference) {
            return variables.get(reference.getName());
        }
        if (value instanceof IntValue integer) {
            return integer.getValue().intValue();
        }
        if (value instanceof ArrayValue array) {
            return array.getValues();
        }
        return null;
    }
}

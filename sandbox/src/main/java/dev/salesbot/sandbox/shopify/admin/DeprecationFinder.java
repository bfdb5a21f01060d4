package dev.salesbot.sandbox.shopify.admin;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a query with its types and collects the deprecated fields and arguments it selects.
 * A plain walk rather than graphql-java's traversers: those coerce variables, and a query
 * checked at build time has none.
 */
final class DeprecationFinder {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Set<String> found = new LinkedHashSet<>();
    private final Set<String> visiting = new HashSet<>();

    private final Set<String> deprecatedArguments;

    DeprecationFinder(GraphQLSchema schema, Set<String> deprecatedArguments) {
        this.schema = schema;
        this.deprecatedArguments = deprecatedArguments;
    }

    List<String> find(Document document) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                GraphQLType root = switch (operation.getOperation()) {
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                    default -> schema.getQueryType();
                };
                walk(operation.getSelectionSet(), root);
            }
        }
        return List.copyOf(found);
    }

    private void walk(SelectionSet selections, GraphQLType parent) {
        if (selections == null || parent == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                visitField(field, parent);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType on = inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                walk(inline.getSelectionSet(), on);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && visiting.add(fragment.getName())) {
                    walk(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
                    visiting.remove(fragment.getName());
                }
            }
        }
    }

    private void visitField(Field field, GraphQLType parent) {
        if (!(parent instanceof GraphQLFieldsContainer container)) {
            return;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return;
        }
        String name = container.getName() + "." + definition.getName();
        if (definition.isDeprecated()) {
            found.add(name);
        }
        for (Argument argument : field.getArguments()) {
            String qualified = name + "(" + argument.getName() + ")";
            if (deprecatedArguments.contains(qualified)) {
                found.add(qualified);
            }
        }
        GraphQLNamedType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        walk(field.getSelectionSet(), type);
    }
}

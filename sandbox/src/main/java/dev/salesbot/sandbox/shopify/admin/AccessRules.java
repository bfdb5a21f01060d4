package dev.salesbot.sandbox.shopify.admin;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify's access scopes, enforced per type and field as Shopify does: the {@code offline_scopes}
 * section of the shared introspection file says which scopes each type and field needs (any one of
 * them). A selected field is allowed when the token covers the field's own rule, the rule of the
 * type it returns, and the rule of the object type it is selected on; a granted {@code write_x}
 * covers {@code read_x} ("Any scope that writes a resource also grants read access to it",
 * https://shopify.dev/docs/api/usage/access-scopes). A denied field answers
 * {@code ACCESS_DENIED} with Shopify's message, "Access denied for <field> field. Required access:
 * <requiredAccess>", and {@code extensions.requiredAccess}
 * (https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes).
 */
public final class AccessRules {

    static final String DOCUMENTATION = "https://shopify.dev/api/usage/access-scopes";

    /** One rule: any one of these scopes, and how Shopify words the requirement. */
    record Rule(List<String> anyOf, String requiredAccess) {
    }

    /** A denied field of an operation, with what it needs. */
    public record Denial(ExecutableNormalizedField field, String fieldName, String requiredAccess) {
    }

    private final Map<String, Rule> types;
    private final Map<String, Rule> fields;

    AccessRules(Map<String, Rule> types, Map<String, Rule> fields) {
        this.types = Map.copyOf(types);
        this.fields = Map.copyOf(fields);
    }

    @SuppressWarnings("unchecked")
    static AccessRules from(Object offlineScopes) {
        Map<String, Rule> types = new HashMap<>();
        Map<String, Rule> fields = new HashMap<>();
        List<Map<String, Object>> items = offlineScopes instanceof Map<?, ?> section && section.get("items") instanceof List<?> list
                ? (List<Map<String, Object>>) list : List.of();
        for (Map<String, Object> item : items) {
            List<String> scopes = item.get("offlineScopes") instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
            if (scopes.isEmpty()) {
                continue;
            }
            String text = item.get("requiredAccess") instanceof String s && !s.isBlank() ? firstLine(s) : "`" + scopes.get(0) + "` access scope.";
            Rule rule = new Rule(List.copyOf(new LinkedHashSet<>(scopes)), text);
            if ("type".equals(item.get("type"))) {
                types.put((String) item.get("typeName"), rule);
            } else {
                fields.put(item.get("typeName") + "." + item.get("fieldName"), rule);
            }
        }
        return new AccessRules(types, fields);
    }

    /** The scopes of a token's grant, as the token endpoint lists them ({@code read_products,write_inventory}). */
    public static Set<String> scopes(String commaSeparated) {
        Set<String> scopes = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(scopes::add);
        }
        return scopes;
    }

    /**
     * What Shopify would ask for before serving {@code field} of an object of type
     * {@code objectType} that returns {@code returnType}: empty when {@code granted} covers it.
     * {@code deniedFields} ({@code Type.field}) are denied whatever the scopes: Shopify can deny
     * data to a store's staff permissions too.
     */
    Optional<String> required(String objectType, String field, String returnType, Set<String> granted, Set<String> deniedFields) {
        String key = objectType + "." + field;
        if (deniedFields.contains(key)) {
            Rule rule = fields.getOrDefault(key, returnType == null ? null : types.get(returnType));
            return Optional.of(rule == null ? "a permission of the store's staff account." : rule.requiredAccess());
        }
        for (Rule rule : new Rule[]{fields.get(key), types.get(objectType), returnType == null ? null : types.get(returnType)}) {
            if (rule != null && !covered(rule, granted)) {
                return Optional.of(rule.requiredAccess());
            }
        }
        return Optional.empty();
    }

    /**
     * Every field of {@code operation} the grant may not read on any object type it can be
     * selected on, outermost first (a field under a denied one is not reported again): a static,
     * conservative check for tests; the simulated API itself checks each object it serves
     * ({@link AccessInstrumentation}).
     */
    public List<Denial> denials(GraphQLSchema schema, ExecutableNormalizedOperation operation, Set<String> granted,
                                Set<String> deniedFields) {
        List<Denial> denials = new ArrayList<>();
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            walk(schema, root, granted, deniedFields, denials);
        }
        return denials;
    }

    private void walk(GraphQLSchema schema, ExecutableNormalizedField field, Set<String> granted, Set<String> deniedFields,
                      List<Denial> denials) {
        if (field.getName().startsWith("__")) {
            return;
        }
        for (String typeName : field.getObjectTypeNames()) {
            Optional<String> required = required(typeName, field.getName(), returnType(schema, typeName, field.getName()),
                    granted, deniedFields);
            if (required.isPresent()) {
                denials.add(new Denial(field, field.getName(), required.get()));
                return;
            }
        }
        for (ExecutableNormalizedField child : field.getChildren()) {
            walk(schema, child, granted, deniedFields, denials);
        }
    }

    private static boolean covered(Rule rule, Set<String> granted) {
        for (String scope : rule.anyOf()) {
            if (granted.contains(scope) || scope.startsWith("read_") && granted.contains("write_" + scope.substring(5))) {
                return true;
            }
        }
        return false;
    }

    static String returnType(GraphQLType type) {
        return GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(type));
    }

    private static String returnType(GraphQLSchema schema, String objectType, String fieldName) {
        if (!(schema.getType(objectType) instanceof GraphQLObjectType object)) {
            return null;
        }
        GraphQLFieldDefinition definition = object.getFieldDefinition(fieldName);
        if (definition == null) {
            return null;
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
        return GraphQLTypeUtil.simplePrint(unwrapped);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}

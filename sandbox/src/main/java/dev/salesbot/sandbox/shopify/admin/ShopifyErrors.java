package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.validation.ValidationError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error entries shaped as Shopify's graphql-ruby server writes them: the same messages and
 * {@code extensions.code} values ({@code undefinedField}, {@code argumentNotAccepted},
 * {@code missingRequiredArguments}, {@code THROTTLED}, {@code MAX_COST_EXCEEDED}…), so a client's
 * error handling is tested against what it will really receive.
 */
final class ShopifyErrors {

    static final String RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits";
    private static final Pattern UNDEFINED_FIELD = Pattern.compile("Field '(.+?)' in type '(.+?)' is undefined");
    private static final Pattern QUOTED = Pattern.compile("'(.+?)'");

    private ShopifyErrors() {
    }

    static Map<String, Object> syntax(InvalidSyntaxException e) {
        SourceLocation at = e.getLocation();
        String token = e.getOffendingToken() == null ? "end of file" : "\"" + e.getOffendingToken() + "\"";
        String where = at == null ? "" : " at [" + at.getLine() + ", " + at.getColumn() + "]";
        return entry("Parse error on " + token + where, at == null ? List.of() : List.of(at), null, null);
    }

    static Map<String, Object> validation(ValidationError error, String operationLabel) {
        String description = error.getDescription() == null ? error.getMessage() : error.getDescription();
        List<String> path = error.getQueryPath() == null ? null : withLabel(operationLabel, error.getQueryPath());
        String fieldName = error.getQueryPath() == null || error.getQueryPath().isEmpty() ? "?"
                : error.getQueryPath().get(error.getQueryPath().size() - 1);
        String type = String.valueOf(error.getValidationErrorType());
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        switch (type) {
            case "FieldUndefined" -> {
                Matcher m = UNDEFINED_FIELD.matcher(description);
                boolean parsed = m.find();
                String field = parsed ? m.group(1) : fieldName;
                String on = parsed ? m.group(2) : typeFrom(description);
                message = "Field '" + field + "' doesn't exist on type '" + on + "'";
                extensions.put("code", "undefinedField");
                extensions.put("typeName", on);
                extensions.put("fieldName", field);
            }
            case "UnknownArgument" -> {
                String argument = firstQuoted(description);
                message = "Field '" + fieldName + "' doesn't accept argument '" + argument + "'";
                extensions.put("code", "argumentNotAccepted");
                extensions.put("name", fieldName);
                extensions.put("typeName", "Field");
                extensions.put("argumentName", argument);
            }
            case "MissingFieldArgument" -> {
                String argument = firstQuoted(description);
                message = "Field '" + fieldName + "' is missing required arguments: " + argument;
                extensions.put("code", "missingRequiredArguments");
                extensions.put("className", "Field");
                extensions.put("name", fieldName);
                extensions.put("arguments", argument);
            }
            default -> {
                message = description;
                extensions.put("code", Character.toLowerCase(type.charAt(0)) + type.substring(1));
            }
        }
        return entry(message, error.getLocations(), path, extensions);
    }

    /** Shopify's refusal of a field the token's scopes do not cover. */
    static Map<String, Object> accessDenied(String fieldName, String requiredAccess, List<SourceLocation> at, List<?> path) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "ACCESS_DENIED");
        extensions.put("documentation", AccessRules.DOCUMENTATION);
        extensions.put("requiredAccess", requiredAccess);
        return entry("Access denied for " + fieldName + " field. Required access: " + requiredAccess, at, path, extensions);
    }

    /** An error graphql-java raised while executing (a bad cursor, a null in a non-null field). */
    static Map<String, Object> execution(GraphQLError error) {
        String message = error.getMessage();
        if (error instanceof graphql.ExceptionWhileDataFetching fetching && fetching.getException() != null) {
            message = fetching.getException().getMessage();
        }
        Map<String, Object> extensions = error.getExtensions() == null ? null : new LinkedHashMap<>(error.getExtensions());
        return entry(message, error.getLocations(), error.getPath(), extensions);
    }

    static Map<String, Object> coded(String message, List<SourceLocation> locations, List<?> path, String code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        return entry(message, locations, path, extensions);
    }

    static Map<String, Object> maxCostExceeded(int cost) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "MAX_COST_EXCEEDED");
        extensions.put("cost", cost);
        extensions.put("maxCost", QueryCosts.MAX_SINGLE_QUERY_COST);
        extensions.put("documentation", RATE_LIMITS_DOC);
        return entry("Query cost is " + cost + ", which exceeds the single query max cost limit ("
                + QueryCosts.MAX_SINGLE_QUERY_COST + ").\n\n"
                + "See https://shopify.dev/docs/api/usage/rate-limits for more information on how the\n"
                + "cost of a query is calculated.\n\n"
                + "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n"
                + "See https://shopify.dev/docs/api/usage/bulk-operations/queries for usage details.\n",
                null, null, extensions);
    }

    static Map<String, Object> throttled() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "THROTTLED");
        extensions.put("documentation", RATE_LIMITS_DOC);
        return entry("Throttled", null, null, extensions);
    }

    private static Map<String, Object> entry(String message, List<SourceLocation> locations, List<?> path,
                                             Map<String, Object> extensions) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            List<Map<String, Object>> at = new ArrayList<>();
            for (SourceLocation l : locations) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("line", l.getLine());
                one.put("column", l.getColumn());
                at.add(one);
            }
            e.put("locations", at);
        }
        if (path != null && !path.isEmpty()) {
            e.put("path", path);
        }
        if (extensions != null && !extensions.isEmpty()) {
            e.put("extensions", extensions);
        }
        return e;
    }

    private static List<String> withLabel(String label, List<String> path) {
        List<String> labelled = new ArrayList<>(path.size() + 1);
        labelled.add(label);
        labelled.addAll(path);
        return labelled;
    }

    private static String firstQuoted(String text) {
        Matcher m = QUOTED.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static String typeFrom(String text) {
        Matcher m = QUOTED.matcher(text);
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}

package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLError;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The real Shopify Admin GraphQL schema (API 2026-10), built from the introspection result Shopify
 * publishes, so that a query the product sends is judged exactly as Shopify would judge it.
 *
 * <p>This is the entry point for the product's own query tests too:
 * <pre>{@code
 * AdminSchema admin = AdminSchema.load();
 * assertThat(admin.validate(ProductQueries.PAGE)).isEmpty();
 * assertThat(admin.deprecatedFieldsSelected(ProductQueries.PAGE)).isEmpty();
 * }</pre>
 *
 * <p>Building the schema takes a few seconds and some tens of megabytes, so {@link #load()} builds
 * it once per class loader and every caller shares the (immutable, thread-safe) result.
 */
public final class AdminSchema {

    public static final String API_VERSION = "2026-10";
    static final String RESOURCE = "/shopify/admin-2026-10.introspection.json.gz";

    private static final System.Logger LOGGER = System.getLogger(AdminSchema.class.getName());
    /** graphql-java defines these itself; redefining them from the introspection result fails. */
    private static final Set<String> BUILT_IN_DIRECTIVES =
            Set.of("include", "skip", "deprecated", "specifiedBy", "oneOf", "defer", "experimental_disableErrorPropagation");

    private final GraphQLSchema schema;
    /** {@code Type.field(argument)}; graphql-java's introspection reader drops argument deprecation. */
    private final Set<String> deprecatedArguments;
    private final AccessRules access;
    /** Webhook topic → the scope its description says it requires ("Requires the `read_products` scope."). */
    private final Map<String, String> topicScopes;

    private AdminSchema(GraphQLSchema schema, Set<String> deprecatedArguments, AccessRules access) {
        this.schema = schema;
        this.deprecatedArguments = deprecatedArguments;
        this.access = access;
        this.topicScopes = topicScopes(schema);
    }

    /** The scope a subscription to {@code topic} ({@code PRODUCTS_UPDATE}) needs, as the schema documents it; empty if none. */
    public java.util.Optional<String> topicScope(String topic) {
        return java.util.Optional.ofNullable(topicScopes.get(topic));
    }

    private static Map<String, String> topicScopes(GraphQLSchema schema) {
        Map<String, String> scopes = new java.util.HashMap<>();
        java.util.regex.Pattern requires = java.util.regex.Pattern.compile("Requires the `([a-z_]+)` scope");
        if (schema.getType("WebhookSubscriptionTopic") instanceof graphql.schema.GraphQLEnumType topics) {
            for (graphql.schema.GraphQLEnumValueDefinition value : topics.getValues()) {
                java.util.regex.Matcher m = requires.matcher(value.getDescription() == null ? "" : value.getDescription());
                if (m.find()) {
                    scopes.put(value.getName(), m.group(1));
                }
            }
        }
        return Map.copyOf(scopes);
    }

    /** The shared schema; the first call builds it (a few seconds), later calls return at once. */
    public static AdminSchema load() {
        return Holder.INSTANCE;
    }

    /** The executable schema, wired to read values from maps (see {@code PassThroughWiring}). */
    public GraphQLSchema graphQLSchema() {
        return schema;
    }

    /** Which access scopes each type and field needs (the file's {@code offline_scopes} section). */
    public AccessRules access() {
        return access;
    }

    /**
     * The fields of {@code query} (with {@code variables}) that a token granted {@code scopes} may
     * not read, each as Shopify's "Access denied for … field. Required access: …" message; empty
     * when Shopify would serve it. For the product's tests: every query it sends must need only the
     * scopes it asks for.
     */
    public List<String> accessDenied(String query, Map<String, Object> variables, String scopes) {
        var operation = graphql.normalized.ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                schema, Parser.parse(query), null, graphql.execution.RawVariables.of(variables == null ? Map.of() : variables));
        return access.denials(schema, operation, AccessRules.scopes(scopes), Set.of()).stream()
                .map(d -> "Access denied for " + d.fieldName() + " field. Required access: " + d.requiredAccess())
                .toList();
    }

    /**
     * Parses and validates {@code query} against the schema: an empty list means Shopify would
     * accept it. Syntax errors come back as one error, not as an exception.
     */
    public List<GraphQLError> validate(String query) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return List.of(e.toInvalidSyntaxError());
        }
        return validate(document);
    }

    List<GraphQLError> validate(Document document) {
        return List.copyOf(new Validator().validateDocument(schema, document, Locale.ENGLISH));
    }

    /**
     * Every deprecated field ({@code QueryRoot.codeDiscountNodes}) and deprecated argument
     * ({@code Mutation.productUpdate(input)}) the query selects, in document order, each once.
     * A query that does not parse selects nothing.
     */
    public List<String> deprecatedFieldsSelected(String query) {
        try {
            return new DeprecationFinder(schema, deprecatedArguments).find(Parser.parse(query));
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    static AdminSchema build() {
        long started = System.nanoTime();
        Map<String, Object> introspection;
        try (InputStream raw = AdminSchema.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            introspection = (Map<String, Object>) JsonValues.parse(new GZIPInputStream(raw, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        AccessRules access = AccessRules.from(introspection.get("offline_scopes"));
        Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
        Map<String, Object> schemaJson = (Map<String, Object>) data.get("__schema");
        List<Map<String, Object>> directives = (List<Map<String, Object>>) schemaJson.get("directives");
        schemaJson.put("directives", directives.stream()
                .filter(d -> !BUILT_IN_DIRECTIVES.contains(d.get("name")))
                .toList());
        Set<String> deprecatedArguments = deprecatedArguments(schemaJson);
        Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new PassThroughWiring()).build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().buildRegistry(sdl), wiring);
        LOGGER.log(System.Logger.Level.INFO, "Shopify Admin schema {0} loaded: {1} types in {2} ms",
                API_VERSION, schema.getAllTypesAsList().size(), (System.nanoTime() - started) / 1_000_000);
        return new AdminSchema(schema, deprecatedArguments, access);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> deprecatedArguments(Map<String, Object> schemaJson) {
        Set<String> found = new HashSet<>();
        for (Map<String, Object> type : (List<Map<String, Object>>) schemaJson.get("types")) {
            List<Map<String, Object>> fields = (List<Map<String, Object>>) type.get("fields");
            for (Map<String, Object> field : fields == null ? List.<Map<String, Object>>of() : fields) {
                for (Map<String, Object> arg : (List<Map<String, Object>>) field.get("args")) {
                    if (Boolean.TRUE.equals(arg.get("isDeprecated"))) {
                        found.add(type.get("name") + "." + field.get("name") + "(" + arg.get("name") + ")");
                    }
                }
            }
        }
        return Set.copyOf(found);
    }

    private static final class Holder {
        static final AdminSchema INSTANCE = build();
    }
}

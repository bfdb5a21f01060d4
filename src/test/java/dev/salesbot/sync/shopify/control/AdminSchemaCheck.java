package dev.salesbot.sync.shopify.control;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real Shopify Admin schema (API 2026-10, from the gzipped introspection result in the
 * resources) and the checks every query we send must pass: GraphQL validation, variables that
 * coerce, no deprecated field or argument, and a requested cost within Shopify's ceiling.
 */
final class AdminSchemaCheck {

    private static final String RESOURCE = "/shopify/admin-2026-10.introspection.json.gz";
    private static volatile GraphQLSchema schema;
    // IntrospectionResultToSchema drops isDeprecated on arguments: kept here as "Type.field(arg)".
    private static volatile Set<String> deprecatedArguments;

    private AdminSchemaCheck() {
    }

    static GraphQLSchema schema() {
        if (schema == null) {
            synchronized (AdminSchemaCheck.class) {
                if (schema == null) {
                    schema = load();
                }
            }
        }
        return schema;
    }

    /** Every problem of {@code query} with {@code variables}; empty when Shopify would accept it. */
    static List<String> problems(String query, Map<String, Object> variables) {
        ExecutionInput input = ExecutionInput.newExecutionInput(query).variables(variables).build();
        ParseAndValidateResult parsed = ParseAndValidate.parseAndValidate(schema(), input);
        List<String> problems = new ArrayList<>();
        parsed.getErrors().forEach(e -> problems.add(e.getMessage()));
        if (!problems.isEmpty()) {
            return problems;
        }
        // Executing against an empty root coerces the variables as Shopify would; data errors are irrelevant here.
        GraphQL.newGraphQL(schema()).build()
                .execute(ExecutionInput.newExecutionInput(query).variables(variables).root(Map.of("__index", Map.of())).build())
                .getErrors().stream()
                .filter(e -> e.getErrorType() == ErrorType.ValidationError)
                .map(GraphQLError::getMessage)
                .forEach(problems::add);
        if (problems.isEmpty()) {
            problems.addAll(deprecatedSelections(parsed.getDocument(), variables));
        }
        return problems;
    }

    /** Deprecated fields and arguments the query selects, as "Type.field" / "Type.field(arg)". */
    static List<String> deprecatedSelections(Document document, Map<String, Object> variables) {
        List<String> found = new ArrayList<>();
        QueryTraverser.newQueryTraverser().schema(schema()).document(document).variables(variables).build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField()) {
                            return;
                        }
                        String name = env.getFieldsContainer().getName() + "." + env.getField().getName();
                        if (env.getFieldDefinition().isDeprecated()) {
                            found.add("deprecated field " + name);
                        }
                        for (Argument argument : env.getField().getArguments()) {
                            GraphQLArgument definition = env.getFieldDefinition().getArgument(argument.getName());
                            String key = name + "(" + argument.getName() + ")";
                            if (definition != null && (definition.isDeprecated() || deprecatedArguments.contains(key))) {
                                found.add("deprecated argument " + name + "(" + argument.getName() + ")");
                            }
                        }
                    }
                });
        return found;
    }

    /** Shopify's requested cost of the query with these variables (see {@link RequestedCost}). */
    static int requestedCost(String query, Map<String, Object> variables) {
        Document document = ParseAndValidate.parse(ExecutionInput.newExecutionInput(query).build()).getDocument();
        return new RequestedCost(schema(), document, variables).total();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> deprecatedArguments(Map<String, Object> data) {
        Set<String> found = new HashSet<>();
        for (Object type : (List<Object>) ((Map<String, Object>) data.get("__schema")).get("types")) {
            Map<String, Object> typeMap = (Map<String, Object>) type;
            if (!(typeMap.get("fields") instanceof List<?> fields)) {
                continue;
            }
            for (Object field : fields) {
                Map<String, Object> fieldMap = (Map<String, Object>) field;
                for (Object arg : (List<Object>) fieldMap.get("args")) {
                    Map<String, Object> argMap = (Map<String, Object>) arg;
                    if (Boolean.TRUE.equals(argMap.get("isDeprecated"))) {
                        found.add(typeMap.get("name") + "." + fieldMap.get("name") + "(" + argMap.get("name") + ")");
                    }
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema load() {
        try (InputStream in = new GZIPInputStream(AdminSchemaCheck.class.getResourceAsStream(RESOURCE))) {
            Map<String, Object> introspection = (Map<String, Object>) Jsons.toJava(jakarta.json.Json.createReader(in).readObject());
            deprecatedArguments = deprecatedArguments((Map<String, Object>) introspection.get("data"));
            Document sdl = new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) introspection.get("data"));
            TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(sdl);
            RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new FakeShopifyWiring()).build();
            return new SchemaGenerator().makeExecutableSchema(registry, wiring);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

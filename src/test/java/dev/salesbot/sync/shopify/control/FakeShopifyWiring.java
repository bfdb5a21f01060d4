package dev.salesbot.sync.shopify.control;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.TypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wires the real Admin schema for the fake Shopify: every custom scalar passes values through,
 * abstract types resolve by the data's {@code __typename}, and every {@code *Connection} field
 * pages its source list with Shopify's rules ({@code first} required, at most 250, opaque cursors).
 * Data are plain maps (see {@link SampleCatalog}); the query root map holds the top-level lists
 * and an {@code __index} of nodes by id.
 */
final class FakeShopifyWiring implements WiringFactory {

    static final int MAX_PAGE = 250;

    @Override
    public boolean providesScalar(ScalarWiringEnvironment environment) {
        return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
        return GraphQLScalarType.newScalar()
                .name(environment.getScalarTypeDefinition().getName())
                .coercing(new PassThrough())
                .build();
    }

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return FakeShopifyWiring::byTypename;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return FakeShopifyWiring::byTypename;
    }

    @Override
    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
        String field = environment.getFieldDefinition().getName();
        String type = TypeUtil.unwrapAll(environment.getFieldDefinition().getType()).getName();
        if ("QueryRoot".equals(environment.getParentType().getName())) {
            switch (field) {
                case "node", "product", "discountNode", "collection":
                    return env -> byId(env, env.getArgument("id"), type);
                case "nodes":
                    return env -> env.<List<String>>getArgument("ids").stream().map(id -> byId(env, id, "Node")).toList();
                default:
                    break;
            }
        }
        if (type.endsWith("Connection")) {
            return env -> page(env, field);
        }
        return env -> env.getSource() instanceof Map<?, ?> source ? source.get(field) : null;
    }

    private static Object byId(DataFetchingEnvironment env, String id, String type) {
        Map<?, ?> index = (Map<?, ?>) ((Map<?, ?>) env.getRoot()).get("__index");
        Object node = index.get(id);
        if (node == null || "Node".equals(type) || type.equals(((Map<?, ?>) node).get("__typename"))) {
            return node;
        }
        return null;
    }

    private static Map<String, Object> page(DataFetchingEnvironment env, String field) {
        Integer first = env.getArgument("first");
        if (first == null || first < 0 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be given and between 0 and " + MAX_PAGE + " on " + field);
        }
        if (!(env.getSource() instanceof Map<?, ?> source) || !(source.get(field) instanceof List<?> all)) {
            return null;
        }
        List<?> items = all;
        if ("method:code".equals(env.getArgument("query"))) {
            items = all.stream().filter(FakeShopifyWiring::isCodeDiscount).toList();
        }
        String after = env.getArgument("after");
        int start = after == null ? 0 : decode(after) + 1;
        int end = Math.min(items.size(), start + first);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = start; i < end; i++) {
            edges.add(Map.of("cursor", encode(i), "node", items.get(i)));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", end < items.size());
        pageInfo.put("hasPreviousPage", start > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : encode(start));
        pageInfo.put("endCursor", edges.isEmpty() ? null : encode(end - 1));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", edges.stream().map(e -> e.get("node")).toList());
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    private static boolean isCodeDiscount(Object discountNode) {
        Object discount = ((Map<?, ?>) discountNode).get("discount");
        return String.valueOf(((Map<?, ?>) discount).get("__typename")).startsWith("DiscountCode");
    }

    private static String encode(int index) {
        return Base64.getEncoder().encodeToString(("cursor:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring("cursor:".length()));
    }

    private static graphql.schema.GraphQLObjectType byTypename(graphql.TypeResolutionEnvironment environment) {
        Object typename = ((Map<?, ?>) environment.getObject()).get("__typename");
        return environment.getSchema().getObjectType((String) typename);
    }

    /** Custom scalars (Money, DateTime, URL, …) arrive and leave as they are. */
    private static final class PassThrough implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return input;
        }
    }
}

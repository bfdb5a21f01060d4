package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wires the whole Shopify schema without naming any of its 3,500 types: Shopify's custom scalars
 * pass values through unchanged, abstract types resolve from a {@code __typename} entry, and every
 * field reads its value from the source map (a {@link Resolver} value is called with the field's
 * environment, which is how connections see their arguments).
 */
final class PassThroughWiring implements WiringFactory {

    /** A map value computed per field selection (arguments, paging). */
    @FunctionalInterface
    interface Resolver {
        Object resolve(graphql.schema.DataFetchingEnvironment env);
    }

    static final String TYPENAME = "__typename";

    private static final DataFetcher<Object> MAP_FETCHER = env -> {
        Object source = env.getSource();
        if (!(source instanceof Map<?, ?> map)) {
            return null;
        }
        Object value = map.get(env.getField().getName());
        return value instanceof Resolver resolver ? resolver.resolve(env) : value;
    };

    private static final TypeResolver BY_TYPENAME = env -> {
        Object source = env.getObject();
        if (source instanceof Map<?, ?> map && map.get(TYPENAME) instanceof String name) {
            return (GraphQLObjectType) env.getSchema().getType(name);
        }
        return null;
    };

    @Override
    public boolean providesScalar(ScalarWiringEnvironment environment) {
        return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
        return GraphQLScalarType.newScalar()
                .name(environment.getScalarTypeDefinition().getName())
                .coercing(PASS_THROUGH)
                .build();
    }

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return BY_TYPENAME;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return BY_TYPENAME;
    }

    @Override
    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
        return MAP_FETCHER;
    }

    /** Shopify's scalars (DateTime, Decimal, Money, URL, HTML, JSON…) are strings or JSON on the wire. */
    private static final Coercing<Object, Object> PASS_THROUGH = new Coercing<>() {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value instanceof java.time.Instant || value instanceof java.math.BigDecimal
                    ? value.toString() : value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }
    };

    private static Object literal(Value<?> input, CoercedVariables variables) {
        if (input instanceof StringValue s) {
            return s.getValue();
        }
        if (input instanceof IntValue i) {
            return i.getValue();
        }
        if (input instanceof FloatValue f) {
            return f.getValue();
        }
        if (input instanceof BooleanValue b) {
            return b.isValue();
        }
        if (input instanceof EnumValue e) {
            return e.getName();
        }
        if (input instanceof NullValue) {
            return null;
        }
        if (input instanceof VariableReference v) {
            return variables.get(v.getName());
        }
        if (input instanceof ArrayValue a) {
            List<Value> values = a.getValues();
            return values.stream().map(v -> literal(v, variables)).toList();
        }
        if (input instanceof ObjectValue o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
            return map;
        }
        return null;
    }
}

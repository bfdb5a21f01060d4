package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import java.util.List;

/**
 * A connection inside a fetched node (a product's variants, a discount's codes, a collection's
 * products) and how to fetch its further pages: {@code followUp} takes {@code $id}, {@code $first}
 * and {@code $after}, and answers the connection at {@code pathInAnswer} of its {@code data}.
 */
record NestedEdges(List<String> pathInNode, GraphqlQuery followUp, List<String> pathInAnswer, int cost) {

    NestedEdges {
        pathInNode = List.copyOf(pathInNode);
        pathInAnswer = List.copyOf(pathInAnswer);
    }
}

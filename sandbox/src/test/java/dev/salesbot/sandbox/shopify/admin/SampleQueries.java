package dev.salesbot.sandbox.shopify.admin;

/** Named Admin API documents the sandbox tests send, written as the product's sync would. */
final class SampleQueries {

    static final String PRODUCTS_PAGE = """
            query ProductsPage($first: Int!, $after: String) {
              products(first: $first, after: $after) {
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges {
                  cursor
                  node {
                    id title handle description descriptionHtml vendor productType tags status updatedAt
                    featuredMedia { ... on MediaImage { image { url altText } } }
                    options { name values }
                    variants(first: 10) {
                      pageInfo { hasNextPage endCursor }
                      nodes {
                        id title sku price compareAtPrice inventoryQuantity availableForSale
                        selectedOptions { name value }
                      }
                    }
                  }
                }
              }
            }
            """;

    private SampleQueries() {
    }
}

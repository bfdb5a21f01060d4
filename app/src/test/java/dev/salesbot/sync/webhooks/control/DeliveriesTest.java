package dev.salesbot.sync.webhooks.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Deliveries#seenAmong}'s statements: a batch's ids are bound to a statement of the next
 * power of two parameters, the last id repeated, so that few statement texts exist. (The query
 * itself runs against H2 and PostgreSQL in the webhook ITs and the cluster test.)
 */
class DeliveriesTest {

    private static List<String> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "shopify:" + i).toList();
    }

    @Test
    void aBatchIsPaddedToThePowerOfTwoAboveWithItsLastId() {
        assertThat(Deliveries.padded(ids(1))).containsExactly("shopify:1");
        assertThat(Deliveries.padded(ids(2))).containsExactly("shopify:1", "shopify:2");
        assertThat(Deliveries.padded(ids(3))).containsExactly("shopify:1", "shopify:2", "shopify:3", "shopify:3");
        assertThat(Deliveries.padded(ids(5))).hasSize(8).startsWith(ids(5).toArray(String[]::new)).endsWith("shopify:5", "shopify:5", "shopify:5");
        assertThat(Deliveries.padded(ids(200))).hasSize(256).containsAll(ids(200));
        assertThat(Deliveries.padded(ids(Deliveries.IDS_PER_QUERY))).isEqualTo(ids(Deliveries.IDS_PER_QUERY));
    }

    @Test
    void eachPaddedSizeHasAStatementWithAsManyParameters() {
        for (int n = 1; n <= Deliveries.IDS_PER_QUERY; n++) {
            int parameters = Deliveries.padded(ids(n)).size();
            String sql = Deliveries.seenAmongSql(parameters);
            assertThat(sql).startsWith("SELECT ID FROM WEBHOOK_DELIVERY WHERE ID IN (");
            assertThat(sql.chars().filter(c -> c == '?').count()).as("parameters for %d ids", n).isEqualTo(parameters);
        }
    }
}

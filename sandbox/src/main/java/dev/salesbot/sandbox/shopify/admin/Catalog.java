package dev.salesbot.sandbox.shopify.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One store's data: products (ascending id, the order the ID sort key pages them in), collections
 * and code discounts. Readers get immutable snapshots; an edit swaps in a new product list, so a
 * page being served never sees half an update.
 */
final class Catalog {

    /** A variant with the product it belongs to. */
    record VariantRef(CatalogProduct product, CatalogProduct.Variant variant) {
    }

    private final ShopProfile shop;
    private final List<CatalogCollection> collections;
    private final List<CatalogDiscount> discounts;
    private volatile List<CatalogProduct> products;
    /** Variant ids ascending with the index of their product, for {@code nodes(ids:)} without a map of 60,000 boxes. */
    private final long[] variantIds;
    private final int[] variantProduct;

    Catalog(ShopProfile shop, List<CatalogProduct> products, List<CatalogCollection> collections,
            List<CatalogDiscount> discounts) {
        this.shop = shop;
        this.products = List.copyOf(products);
        this.collections = List.copyOf(collections);
        this.discounts = List.copyOf(discounts);
        int count = products.stream().mapToInt(p -> p.variants().size()).sum();
        variantIds = new long[count];
        variantProduct = new int[count];
        int k = 0;
        for (int i = 0; i < products.size(); i++) {
            for (CatalogProduct.Variant variant : products.get(i).variants()) {
                variantIds[k] = variant.id();
                variantProduct[k++] = i;
            }
        }
        if (!isAscending(variantIds)) {
            throw new IllegalArgumentException("variant ids must ascend with their products");
        }
    }

    ShopProfile shop() {
        return shop;
    }

    List<CatalogProduct> products() {
        return products;
    }

    List<CatalogCollection> collections() {
        return collections;
    }

    List<CatalogDiscount> discounts() {
        return discounts;
    }

    int variantCount() {
        return variantIds.length;
    }

    Optional<CatalogProduct> product(long id) {
        List<CatalogProduct> current = products;
        int i = Ids.indexOf(current, id, CatalogProduct::id);
        return i < 0 ? Optional.empty() : Optional.of(current.get(i));
    }

    Optional<VariantRef> variant(long id) {
        int i = Arrays.binarySearch(variantIds, id);
        if (i < 0) {
            return Optional.empty();
        }
        CatalogProduct product = products.get(variantProduct[i]);
        return product.variants().stream().filter(v -> v.id() == id).findFirst()
                .map(v -> new VariantRef(product, v));
    }

    Optional<CatalogCollection> collection(long id) {
        int i = Ids.indexOf(collections, id, CatalogCollection::id);
        return i < 0 ? Optional.empty() : Optional.of(collections.get(i));
    }

    Optional<CatalogDiscount> discount(long id) {
        int i = Ids.indexOf(discounts, id, CatalogDiscount::id);
        return i < 0 ? Optional.empty() : Optional.of(discounts.get(i));
    }

    List<CatalogCollection> collectionsOf(long productId) {
        return collections.stream().filter(c -> Ids.indexOf(c.productIds(), productId, Long::longValue) >= 0).toList();
    }

    /** Applies {@code edit} to the product; the edit must keep the id. Empty if there is no such product. */
    synchronized Optional<CatalogProduct> update(long id, UnaryOperator<CatalogProduct> edit) {
        int i = Ids.indexOf(products, id, CatalogProduct::id);
        if (i < 0) {
            return Optional.empty();
        }
        List<CatalogProduct> next = new ArrayList<>(products);
        CatalogProduct edited = edit.apply(next.get(i));
        next.set(i, edited);
        products = List.copyOf(next);
        return Optional.of(edited);
    }

    private static boolean isAscending(long[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                return false;
            }
        }
        return true;
    }
}

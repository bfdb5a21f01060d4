package dev.salesbot.sandbox.shopify.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One store's data: products (ascending id, the order the ID sort key pages them in), collections
 * and code discounts. Readers get immutable snapshots; an edit swaps in new lists (and a new
 * variant index), so a page being served never sees half an update.
 */
final class Catalog {

    /** A variant with the product it belongs to. */
    record VariantRef(CatalogProduct product, CatalogProduct.Variant variant) {
    }

    /** Variant ids ascending with the index of their product: {@code nodes(ids:)} without a map of 60,000 boxes. */
    private record VariantIndex(long[] variantIds, int[] variantProduct) {

        static VariantIndex of(List<CatalogProduct> products) {
            int count = products.stream().mapToInt(p -> p.variants().size()).sum();
            long[] ids = new long[count];
            int[] owner = new int[count];
            int k = 0;
            for (int i = 0; i < products.size(); i++) {
                for (CatalogProduct.Variant variant : products.get(i).variants()) {
                    ids[k] = variant.id();
                    owner[k++] = i;
                }
            }
            if (!isAscending(ids)) {
                throw new IllegalArgumentException("variant ids must ascend with their products");
            }
            return new VariantIndex(ids, owner);
        }
    }

    /** The lists and index that change together, swapped as one. */
    private record State(List<CatalogProduct> products, List<CatalogCollection> collections, VariantIndex index) {
    }

    private final ShopProfile shop;
    private final List<CatalogDiscount> discounts;
    private volatile State state;

    Catalog(ShopProfile shop, List<CatalogProduct> products, List<CatalogCollection> collections,
            List<CatalogDiscount> discounts) {
        this.shop = shop;
        this.discounts = List.copyOf(discounts);
        this.state = new State(List.copyOf(products), List.copyOf(collections), VariantIndex.of(products));
    }

    ShopProfile shop() {
        return shop;
    }

    List<CatalogProduct> products() {
        return state.products();
    }

    List<CatalogCollection> collections() {
        return state.collections();
    }

    List<CatalogDiscount> discounts() {
        return discounts;
    }

    int variantCount() {
        return state.index().variantIds().length;
    }

    Optional<CatalogProduct> product(long id) {
        List<CatalogProduct> current = state.products();
        int i = Ids.indexOf(current, id, CatalogProduct::id);
        return i < 0 ? Optional.empty() : Optional.of(current.get(i));
    }

    Optional<VariantRef> variant(long id) {
        State current = state;
        int i = Arrays.binarySearch(current.index().variantIds(), id);
        if (i < 0) {
            return Optional.empty();
        }
        CatalogProduct product = current.products().get(current.index().variantProduct()[i]);
        return product.variants().stream().filter(v -> v.id() == id).findFirst()
                .map(v -> new VariantRef(product, v));
    }

    /** The variant whose inventory item this is ({@link CatalogProduct.Variant#inventoryItemId()}). */
    Optional<VariantRef> variantOfInventoryItem(long inventoryItemId) {
        return variant(inventoryItemId - CatalogProduct.Variant.INVENTORY_ITEM_OFFSET);
    }

    Optional<CatalogCollection> collection(long id) {
        List<CatalogCollection> current = state.collections();
        int i = Ids.indexOf(current, id, CatalogCollection::id);
        return i < 0 ? Optional.empty() : Optional.of(current.get(i));
    }

    Optional<CatalogDiscount> discount(long id) {
        int i = Ids.indexOf(discounts, id, CatalogDiscount::id);
        return i < 0 ? Optional.empty() : Optional.of(discounts.get(i));
    }

    List<CatalogCollection> collectionsOf(long productId) {
        return state.collections().stream().filter(c -> Ids.indexOf(c.productIds(), productId, Long::longValue) >= 0).toList();
    }

    /** Applies {@code edit} to the product; the edit must keep the id and variant ids. Empty if there is no such product. */
    synchronized Optional<CatalogProduct> update(long id, UnaryOperator<CatalogProduct> edit) {
        State current = state;
        int i = Ids.indexOf(current.products(), id, CatalogProduct::id);
        if (i < 0) {
            return Optional.empty();
        }
        List<CatalogProduct> next = new ArrayList<>(current.products());
        CatalogProduct edited = edit.apply(next.get(i));
        next.set(i, edited);
        state = new State(List.copyOf(next), current.collections(), current.index());
        return Optional.of(edited);
    }

    /**
     * Deletes the product, and takes it out of every collection, as Shopify does. Answers the
     * collections that held it; empty if there is no such product.
     */
    synchronized Optional<List<CatalogCollection>> delete(long id) {
        State current = state;
        int i = Ids.indexOf(current.products(), id, CatalogProduct::id);
        if (i < 0) {
            return Optional.empty();
        }
        List<CatalogProduct> products = new ArrayList<>(current.products());
        products.remove(i);
        List<CatalogCollection> held = new ArrayList<>();
        List<CatalogCollection> collections = current.collections().stream().map(c -> {
            if (Ids.indexOf(c.productIds(), id, Long::longValue) < 0) {
                return c;
            }
            held.add(c);
            return new CatalogCollection(c.id(), c.title(), c.handle(), c.descriptionHtml(), c.updatedAt(),
                    c.productIds().stream().filter(p -> p != id).toList());
        }).toList();
        state = new State(List.copyOf(products), collections, VariantIndex.of(products));
        return Optional.of(List.copyOf(held));
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

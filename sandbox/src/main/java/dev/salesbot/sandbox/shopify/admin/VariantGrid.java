package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.CatalogProduct.Option;
import dev.salesbot.sandbox.shopify.admin.CatalogWords.Category;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Lays out a product's variants as Shopify does: every variant is one combination of option
 * values (Size × Color × Edition), the first option varying slowest. A product without options has
 * Shopify's single "Default Title" variant.
 */
final class VariantGrid {

    static final String DEFAULT_OPTION = "Title";
    static final String DEFAULT_VALUE = "Default Title";

    private VariantGrid() {
    }

    /** Up to {@code wanted} combinations (fewer if the category's options cannot make that many). */
    static List<List<String>> combinations(Category category, int wanted) {
        if (wanted <= 1) {
            return List.of(List.of(DEFAULT_VALUE));
        }
        List<List<String>> values = category.optionNames().stream().map(n -> CatalogWords.valuesFor(n, category)).toList();
        int[] dims = dimensions(values.stream().mapToInt(List::size).toArray(), wanted);
        int total = 1;
        for (int d : dims) {
            total *= d;
        }
        int count = Math.min(wanted, total);
        List<List<String>> combos = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String[] combo = new String[dims.length];
            int rest = k;
            for (int d = dims.length - 1; d >= 0; d--) {
                combo[d] = values.get(d).get(rest % dims[d]);
                rest /= dims[d];
            }
            combos.add(List.of(combo));
        }
        return combos;
    }

    /** The options the combinations use, with their values in order of first use. */
    static List<Option> options(Category category, List<List<String>> combos, LongSupplier ids) {
        if (combos.size() == 1 && combos.get(0).equals(List.of(DEFAULT_VALUE))) {
            return List.of(new Option(ids.getAsLong(), DEFAULT_OPTION, List.of(DEFAULT_VALUE)));
        }
        List<Option> options = new ArrayList<>();
        for (int d = 0; d < combos.get(0).size(); d++) {
            Set<String> used = new LinkedHashSet<>();
            for (List<String> combo : combos) {
                used.add(combo.get(d));
            }
            options.add(new Option(ids.getAsLong(), category.optionNames().get(d), List.copyOf(used)));
        }
        return options;
    }

    /** Bigger sizes cost a little more, as they do in real stores. */
    static int upcharge(List<String> combo, List<Option> options) {
        Option first = options.get(0);
        if (!first.name().equals("Size")) {
            return 0;
        }
        return first.values().indexOf(combo.get(0)) * 2 >= first.values().size() + 1 ? 10 : 0;
    }

    private static int[] dimensions(int[] sizes, int wanted) {
        if (sizes.length == 1 || wanted <= sizes[0]) {
            return new int[] {Math.min(wanted, sizes[0])};
        }
        if (sizes.length == 2 || wanted <= sizes[0] * sizes[1]) {
            int a = Math.min(sizes[0], Math.max(2, ceilSqrt(wanted)));
            int b = ceilDiv(wanted, a);
            if (b > sizes[1]) {
                b = sizes[1];
                a = Math.min(sizes[0], ceilDiv(wanted, b));
            }
            return new int[] {a, b};
        }
        int a = sizes[0];
        int rest = ceilDiv(wanted, a);
        int b = Math.min(sizes[1], Math.max(2, ceilSqrt(rest)));
        int c = ceilDiv(rest, b);
        if (c > sizes[2]) {
            c = sizes[2];
            b = Math.min(sizes[1], ceilDiv(rest, c));
        }
        return new int[] {a, b, c};
    }

    private static int ceilSqrt(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

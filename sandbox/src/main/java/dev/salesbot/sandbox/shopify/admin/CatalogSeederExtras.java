package dev.salesbot.sandbox.shopify.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** The collections and code discounts of a seeded store, derived from its products. */
final class CatalogSeederExtras {

    private static final Instant NOW = CatalogSeeder.SEEDED_AT;

    private CatalogSeederExtras() {
    }

    /** One collection per product type, plus Sale, New Arrivals and Staff Picks. */
    static List<CatalogCollection> collections(List<CatalogProduct> products, SplittableRandom random) {
        Map<String, String> byType = new LinkedHashMap<>();
        CatalogWords.CATEGORIES.forEach(c -> byType.put(c.productType(), c.collectionTitle()));
        List<CatalogCollection> collections = new ArrayList<>();
        for (Map.Entry<String, String> type : byType.entrySet()) {
            add(collections, random, type.getValue(), "<p>Every " + type.getValue().toLowerCase(Locale.ROOT)
                    + " we carry, tested on the mountain.</p>", products, p -> p.productType().equals(type.getKey()));
        }
        add(collections, random, "Sale", "<p>Last season's gear at this season's best prices.</p>", products,
                p -> p.tags().contains("sale"));
        add(collections, random, "New Arrivals", "<p>Fresh drops from the last two months.</p>", products,
                p -> p.tags().contains("new-arrival"));
        add(collections, random, "Staff Picks", "", products, p -> p.id() % 11 == 0);
        return collections;
    }

    private static void add(List<CatalogCollection> collections, SplittableRandom random, String title, String html,
                            List<CatalogProduct> products, Predicate<CatalogProduct> member) {
        List<Long> ids = products.stream().filter(member).map(CatalogProduct::id).toList();
        long id = 450_000_000_000L + collections.size() * 1_000L + random.nextInt(1_000);
        String handle = title.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "-");
        collections.add(new CatalogCollection(id, title, handle, html,
                NOW.minus(Duration.ofHours(random.nextInt(24 * 90))), ids));
    }

    /**
     * Six code discounts for a small store, one more per 250 products (at most 60). The second has
     * 2,500 codes and, from 1,000 products, the eighth has 5,000, so code paging is exercised.
     */
    static List<CatalogDiscount> discounts(int productCount, List<CatalogCollection> collections, SplittableRandom random) {
        int count = Math.max(6, Math.min(60, 6 + productCount / 250));
        List<String> names = CatalogWords.DISCOUNT_NAMES;
        List<CatalogDiscount> discounts = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            String kind = switch (j % 4) {
                case 2 -> "DiscountCodeFreeShipping";
                case 3 -> "DiscountCodeBxgy";
                default -> "DiscountCodeBasic";
            };
            String code = names.get(j % names.size()) + (j >= names.size() ? String.valueOf(j / names.size() + 1) : "");
            // Thousands of single-use codes only in stores big enough to have them; a small store stays quick to sync.
            int codes = j == 1 ? (productCount >= 100 ? 2_500 : 120) : j == 4 ? 40 : j == 7 && productCount >= 1_000 ? 5_000 : 1;
            String status = switch (j % 5) {
                case 3 -> "EXPIRED";
                case 4 -> "SCHEDULED";
                default -> "ACTIVE";
            };
            Instant created = NOW.minus(Duration.ofDays(30 + random.nextInt(400)));
            Instant starts = status.equals("SCHEDULED") ? NOW.plus(Duration.ofDays(1_900 + random.nextInt(60))) : created;
            Instant ends = switch (status) {
                case "EXPIRED" -> NOW.minus(Duration.ofDays(1 + random.nextInt(25)));
                case "SCHEDULED" -> starts.plus(Duration.ofDays(14));
                default -> j % 2 == 0 ? null : NOW.plus(Duration.ofDays(1_800));
            };
            boolean bxgy = kind.equals("DiscountCodeBxgy");
            boolean percentOff = bxgy || random.nextInt(5) < 3;
            Double percentage = null;
            if (bxgy) {
                percentage = j % 8 == 3 ? 1.0 : 0.5;
            } else if (percentOff && !kind.equals("DiscountCodeFreeShipping")) {
                percentage = (1 + random.nextInt(8)) * 5 / 100.0;
            }
            BigDecimal amount = percentage == null && !kind.equals("DiscountCodeFreeShipping")
                    ? BigDecimal.valueOf(5L * (1 + random.nextInt(10))).setScale(2) : null;
            Long collectionId = (bxgy || j % 3 == 1) && !collections.isEmpty()
                    ? collections.get(j % Math.min(7, collections.size())).id() : null;
            BigDecimal minimum = kind.equals("DiscountCodeFreeShipping") || (!bxgy && j % 2 == 0)
                    ? BigDecimal.valueOf(25L * (2 + j % 3)).setScale(2) : null;
            discounts.add(new CatalogDiscount(1_190_000_000_000L + j * 1_000L + random.nextInt(1_000), kind,
                    title(code, kind, percentage, amount), status, created, starts, ends, percentage, amount,
                    collectionId, minimum, bxgy ? 2 : 0, bxgy ? 1 : 0, j % 3 == 0 ? 100 : null, j % 2 == 1,
                    code, codes, 17_000_000_000_000L + j * 10_000_000L));
        }
        return discounts;
    }

    private static String title(String code, String kind, Double percentage, BigDecimal amount) {
        return switch (kind) {
            case "DiscountCodeFreeShipping" -> code + " – free shipping";
            case "DiscountCodeBxgy" -> code + " – buy 2, get 1";
            default -> code + " – " + (percentage != null ? Math.round(percentage * 100) + "% off" : "$" + amount + " off");
        };
    }
}

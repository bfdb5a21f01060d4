package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.CatalogProduct.Image;
import dev.salesbot.sandbox.shopify.admin.CatalogProduct.Option;
import dev.salesbot.sandbox.shopify.admin.CatalogProduct.Variant;
import dev.salesbot.sandbox.shopify.admin.CatalogWords.Category;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a realistic store from its name and a product count; the same inputs always give the
 * same store. Variant counts follow what real catalogs look like: most products have 1–6, some
 * dozens, and catalogs of 100 products or more have at least one with over 100, so the sync's
 * nested variant paging is exercised. 10,000 products take well under a second.
 */
final class CatalogSeeder {

    /** "Now" for seeded timestamps: fixed, so a store is the same on every run. */
    static final Instant SEEDED_AT = Instant.parse("2026-09-01T12:00:00Z");
    private static final int[] CATEGORY_WEIGHTS = {18, 8, 8, 14, 26, 10, 14, 0};

    private final SplittableRandom random;
    private final int productCount;
    private final Set<String> handles = new HashSet<>();
    private long nextVariantId = 46_000_000_000_000L;
    private long nextOptionId = 10_500_000_000_000L;

    private CatalogSeeder(String shop, int productCount) {
        this.random = new SplittableRandom(shop.hashCode() * 1_000_003L + productCount);
        this.productCount = productCount;
    }

    static Catalog seed(String shop, int productCount) {
        if (productCount < 0) {
            throw new IllegalArgumentException("product count must not be negative");
        }
        return new CatalogSeeder(shop, productCount).build(shop);
    }

    private Catalog build(String shop) {
        ShopProfile profile = profile(shop);
        List<CatalogProduct> products = new ArrayList<>(productCount);
        for (int i = 0; i < productCount; i++) {
            products.add(product(i, profile));
        }
        List<CatalogCollection> collections = CatalogSeederExtras.collections(products, random);
        List<CatalogDiscount> discounts = CatalogSeederExtras.discounts(productCount, collections, random);
        return new Catalog(profile, products, collections, discounts);
    }

    private ShopProfile profile(String shop) {
        String domain = shop.contains(".") ? shop : shop + ".myshopify.com";
        String handle = domain.substring(0, domain.indexOf('.'));
        StringBuilder name = new StringBuilder();
        for (String word : handle.split("-")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return new ShopProfile(60_000_000_000L + Math.floorMod(shop.hashCode(), 900_000_000), domain, name.toString(),
                "hello@" + handle + ".example.com", "USD", domain, "America/New_York",
                SEEDED_AT.minus(Duration.ofDays(900)));
    }

    private CatalogProduct product(int index, ShopProfile shop) {
        boolean huge = productCount >= 100 && (index == Math.min(productCount / 2, 250) || index % 1000 == 750);
        boolean dozens = productCount >= 10 && index == 3;
        Category category = huge || dozens ? CatalogWords.CATEGORIES.get(index % 2 == 0 ? 0 : 4)
                : index == 1 ? CatalogWords.CATEGORIES.get(7) : weightedCategory();
        // Shopify allows up to 2,048 variants a product; one huge product per thousand has more than
        // 250 (Shopify's largest page), so neither paging nor a bulk file may stop at one page of them.
        int wanted = huge ? (index % 1000 == 750 ? 260 + random.nextInt(141) : 100 + random.nextInt(81))
                : dozens ? 30 + random.nextInt(31) : variantCount(category);
        String title = title(category, shop);
        String handle = uniqueHandle(title);
        Instant created = SEEDED_AT.minus(Duration.ofMinutes(random.nextLong(60L * 24 * 700)));
        Instant updated = created.plus(Duration.ofMinutes(random.nextLong(Duration.between(created, SEEDED_AT).toMinutes() + 1)));
        long id = 8_100_000_000_000L + index * 4_096L + random.nextInt(4_096);
        BigDecimal base = price(category);
        boolean onSale = random.nextInt(4) == 0 && !category.productType().equals("Gift Cards");
        List<List<String>> combos = VariantGrid.combinations(category, wanted);
        List<Option> options = VariantGrid.options(category, combos, () -> nextOptionId++);
        List<Variant> variants = new ArrayList<>(combos.size());
        for (int k = 0; k < combos.size(); k++) {
            BigDecimal price = category.productType().equals("Gift Cards")
                    ? new BigDecimal(combos.get(k).get(0).substring(1)).setScale(2)
                    : base.add(BigDecimal.valueOf(VariantGrid.upcharge(combos.get(k), options))).setScale(2);
            BigDecimal compareAt = onSale ? price.multiply(BigDecimal.valueOf(1.25)).setScale(0, RoundingMode.UP).setScale(2) : null;
            int stock = random.nextInt(8) == 0 ? 0 : random.nextInt(150);
            String sku = category.skuPrefix() + "-" + String.format(Locale.ROOT, "%05d-%03d", index + 1, k + 1);
            nextVariantId += 1 + random.nextInt(64);
            variants.add(new Variant(nextVariantId, k + 1, sku, price, compareAt, stock, combos.get(k), created, updated));
        }
        List<String> tags = tags(category, onSale, created);
        String status = random.nextInt(10) == 0 ? "DRAFT" : "ACTIVE";
        Image image = random.nextInt(14) == 0 ? null : new Image(30_000_000_000_000L + id % 1_000_000_000L * 7,
                40_000_000_000_000L + id % 1_000_000_000L * 3,
                "https://cdn.shopify.com/s/files/1/0" + (shop.id() % 1000) + "/" + (shop.id() % 10_000) + "/files/"
                        + handle + ".jpg?v=" + updated.getEpochSecond(), title, 2048, 2048);
        String vendor = random.nextInt(5) == 0 ? shop.name() : pick(CatalogWords.VENDORS);
        return new CatalogProduct(id, title, handle, description(category), vendor, category.productType(), tags,
                status, created, updated, image, options, variants);
    }

    private Category weightedCategory() {
        int roll = random.nextInt(100);
        for (int i = 0; i < CATEGORY_WEIGHTS.length; i++) {
            roll -= CATEGORY_WEIGHTS[i];
            if (roll < 0) {
                return CatalogWords.CATEGORIES.get(i);
            }
        }
        return CatalogWords.CATEGORIES.get(0);
    }

    /** Most products 1–6 variants, one in nine 7–24, one in twenty-five 30–60. */
    private int variantCount(Category category) {
        if (category.productType().equals("Gift Cards")) {
            return 4;
        }
        int roll = random.nextInt(100);
        if (roll < 30) {
            return 1;
        }
        if (roll < 85) {
            return 2 + random.nextInt(5);
        }
        if (roll < 96) {
            return 7 + random.nextInt(18);
        }
        return 30 + random.nextInt(31);
    }

    private String title(Category category, ShopProfile shop) {
        if (category.productType().equals("Gift Cards")) {
            return shop.name() + " Gift Card";
        }
        String model = pick(CatalogWords.MODELS);
        return pick(CatalogWords.ADJECTIVES) + " " + pick(category.nouns()) + (model.isEmpty() ? "" : " " + model);
    }

    private String uniqueHandle(String title) {
        String base = title.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String handle = base;
        for (int n = 1; !handles.add(handle); n++) {
            handle = base + "-" + n;
        }
        return handle;
    }

    private BigDecimal price(Category category) {
        int dollars = category.minPrice() + random.nextInt(category.maxPrice() - category.minPrice() + 1);
        BigDecimal cents = random.nextBoolean() ? new BigDecimal("0.95") : new BigDecimal("0.00");
        return BigDecimal.valueOf(dollars).add(cents).setScale(2);
    }

    private List<String> tags(Category category, boolean onSale, Instant created) {
        Set<String> tags = new LinkedHashSet<>();
        int count = 1 + random.nextInt(Math.min(3, category.tags().size()));
        while (tags.size() < count) {
            tags.add(pick(category.tags()));
        }
        if (onSale) {
            tags.add("sale");
        }
        if (created.isAfter(SEEDED_AT.minus(Duration.ofDays(60)))) {
            tags.add("new-arrival");
        }
        return List.copyOf(tags);
    }

    private String description(Category category) {
        if (random.nextInt(20) == 0) {
            return "";
        }
        String pitch = String.format(Locale.ROOT, category.pitch(), pick(CatalogWords.SEASON_WORDS));
        return "<p>" + pitch + "</p>\n<ul>\n<li>Free returns within 30 days</li>\n<li>Ships in 1–2 business days</li>\n</ul>";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

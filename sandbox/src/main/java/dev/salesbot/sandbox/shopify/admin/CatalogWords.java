package dev.salesbot.sandbox.shopify.admin;

import java.util.List;

/**
 * The vocabulary seeded stores are written in: a winter-sports shop, as in Shopify's own sample
 * stores, so titles, options and prices look like what the sync meets in production.
 */
final class CatalogWords {

    /** A kind of product: its type, nouns, option names it varies by, base price range and tags. */
    record Category(String productType, String collectionTitle, List<String> nouns, List<String> optionNames,
                    int minPrice, int maxPrice, List<String> tags, String skuPrefix, String pitch) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("Snowboard", "Snowboards",
                    List.of("Snowboard", "Splitboard", "Powder Board", "Park Board"),
                    List.of("Size", "Color", "Edition"), 329, 899,
                    List.of("snowboard", "winter", "all-mountain", "freestyle", "powder"), "SNB",
                    "A board built for %s days: a poplar core, sintered base and a camber profile that holds an edge on hardpack and floats in fresh snow."),
            new Category("Bindings", "Bindings",
                    List.of("Bindings", "Strap Bindings", "Rear-Entry Bindings"),
                    List.of("Size", "Color"), 179, 399,
                    List.of("bindings", "winter", "hardware"), "BND",
                    "Responsive %s bindings with tool-free adjustment and a canted footbed that saves your knees on long days."),
            new Category("Boots", "Boots",
                    List.of("Snowboard Boots", "Boa Boots", "Lace Boots"),
                    List.of("Size", "Color"), 199, 499,
                    List.of("boots", "winter", "footwear"), "BOT",
                    "Heat-moldable liners and a %s flex rating: comfortable from the first chair to last call."),
            new Category("Outerwear", "Outerwear",
                    List.of("Shell Jacket", "Insulated Parka", "Bib Pants", "Anorak", "Snow Pants"),
                    List.of("Size", "Color", "Fit"), 149, 549,
                    List.of("outerwear", "apparel", "waterproof", "winter"), "OUT",
                    "20K waterproof, fully taped seams and pit zips for %s laps. Recycled face fabric, PFC-free finish."),
            new Category("Apparel", "Apparel",
                    List.of("Hoodie", "T-Shirt", "Crewneck", "Flannel Shirt", "Joggers", "Long Sleeve Tee", "Fleece"),
                    List.of("Size", "Color", "Fit"), 28, 120,
                    List.of("apparel", "cotton", "streetwear", "unisex"), "APP",
                    "Soft organic cotton with a relaxed fit, screen printed by hand. Made for %s mornings and après."),
            new Category("Headwear", "Hats & Beanies",
                    List.of("Beanie", "Cuffed Beanie", "Trucker Hat", "Snapback", "Neck Gaiter"),
                    List.of("Color"), 22, 45,
                    List.of("headwear", "accessories", "winter"), "HAT",
                    "Warm, itch-free and built to survive %s seasons in a jacket pocket."),
            new Category("Accessories", "Accessories",
                    List.of("Goggles", "Gloves", "Mittens", "Backpack", "Board Bag", "Wax Kit", "Stomp Pad", "Tuning Tool", "Water Bottle"),
                    List.of("Color", "Size"), 12, 260,
                    List.of("accessories", "gear", "winter"), "ACC",
                    "The piece of kit you forget until you need it: tested on %s days by our team."),
            new Category("Gift Cards", "Gift Cards",
                    List.of("Gift Card"),
                    List.of("Denomination"), 25, 25,
                    List.of("gift-card"), "GFT",
                    "Can't decide? Give a gift card for %s adventures, delivered by email instantly."));

    static final List<String> ADJECTIVES = List.of(
            "Alpine", "Backcountry", "Powder", "Freestyle", "Summit", "Glacier", "Avalanche", "Northern",
            "Carbon", "Midnight", "Aurora", "Timberline", "Hydrogen", "Oxygen", "Nitrogen", "Ridgeline",
            "Cascade", "Whiteout", "Frostbite", "Cornice", "Treeline", "Bluebird", "Storm", "Corduroy",
            "Sidecountry", "Chairlift", "Snowpack", "Polar", "Tundra", "Evergreen", "Basecamp", "Halfpipe");

    static final List<String> MODELS = List.of(
            "", "", "", "", "Pro", "Lite", "X", "2.0", "Team", "Classic", "LTD", "Youth", "Women's", "Men's", "Eco");

    static final List<String> VENDORS = List.of(
            "Snowdrift Supply Co.", "Northpeak", "Hydrogen Vendor", "Fernwood Outfitters", "Loam & Lumber",
            "Ridge Line Goods", "Coldfront Labs", "Bluebird Provisions");

    static final List<String> SIZES_APPAREL = List.of("XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL");
    static final List<String> SIZES_BOARD = List.of("142", "146", "150", "154", "157", "160", "163", "166");
    static final List<String> SIZES_BOOT = List.of("7", "8", "9", "10", "11", "12", "13", "14");
    static final List<String> COLORS = List.of(
            "Black", "White", "Navy", "Forest Green", "Burgundy", "Charcoal", "Sand", "Sky Blue",
            "Orange", "Lilac", "Olive", "Red");
    static final List<String> EDITIONS = List.of(
            "Classic", "Pro", "Limited", "Eco", "Heritage", "Sport", "Tech", "Signature", "Vintage", "Team");
    static final List<String> FITS = List.of(
            "Regular", "Relaxed", "Slim", "Tall", "Oversized", "Athletic", "Cropped", "Boxy", "Classic", "Tapered");
    static final List<String> DENOMINATIONS = List.of("$25", "$50", "$100", "$150", "$200", "$250", "$500", "$1000");
    static final List<String> SEASON_WORDS = List.of(
            "bluebird", "storm", "spring slush", "powder", "park", "backcountry", "early season", "night riding");

    static final List<String> DISCOUNT_NAMES = List.of(
            "WELCOME10", "SUMMER20", "FREESHIP50", "BOGOSOCKS", "VIP15", "PARTNER", "BLACKFRIDAY30",
            "LOYALTY5", "SNOWDAY", "STAFF40", "NEWSLETTER", "SPRINGCLEAN", "HOLIDAY25", "FIRSTORDER", "WINTERKIT");

    private CatalogWords() {
    }

    /** Values of an option name, long enough for the biggest product in a category. */
    static List<String> valuesFor(String optionName, Category category) {
        return switch (optionName) {
            case "Size" -> switch (category.productType()) {
                case "Snowboard" -> SIZES_BOARD;
                case "Boots", "Bindings" -> SIZES_BOOT;
                default -> SIZES_APPAREL;
            };
            case "Color" -> COLORS;
            case "Edition" -> EDITIONS;
            case "Fit" -> FITS;
            default -> DENOMINATIONS;
        };
    }
}

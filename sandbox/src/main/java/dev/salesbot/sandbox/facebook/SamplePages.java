package dev.salesbot.sandbox.facebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Realistic Pages for the sandbox user, generated deterministically so that a test can name the
 * Page it expects. The first is the tutorial's "Fast Online Store PH" with its real-looking id;
 * past the named stores, branches in other cities keep names unique for any count.
 */
public final class SamplePages {

    /** The tutorial's Page: always first, so the seed's examples line up with the sandbox. */
    public static final String FIRST_PAGE_ID = "101368371725791";

    /** The id given to one Page when a test asks for an id the product must refuse. */
    public static final String NON_NUMERIC_PAGE_ID = "12ab/../x";

    private static final long FIRST_ID = Long.parseLong(FIRST_PAGE_ID);
    private static final long ID_STEP = 7_919_337L;

    private record Store(String name, String category, String about) {
    }

    private static final List<Store> STORES = List.of(
            new Store("Fast Online Store PH", "Footwear store",
                    "Sneakers and slippers delivered anywhere in the Philippines."),
            new Store("Manila Sneaker Hub", "Shoe store",
                    "Authentic sneakers, restocked every Friday."),
            new Store("Cebu Craft Bags", "Bags & luggage store",
                    "Handwoven abaca bags from Cebu artisans."),
            new Store("Davao Fresh Harvest", "Grocery store",
                    "Farm-fresh fruit boxes from Mindanao."),
            new Store("Baguio Knit Co.", "Clothing store",
                    "Warm knits made in the mountains."),
            new Store("Iloilo Home Goods", "Home goods store",
                    "Kitchenware and decor for Filipino homes."),
            new Store("Pasig Pet Supplies", "Pet supplies",
                    "Food, toys and grooming for cats and dogs."),
            new Store("Makati Gadget Corner", "Electronics store",
                    "Phone accessories and smart-home gadgets."));

    private static final List<String> CITIES = List.of(
            "Quezon City", "Manila", "Cebu City", "Davao City", "Baguio", "Iloilo City",
            "Pasig", "Makati", "Taguig", "Cagayan de Oro");

    private SamplePages() {
    }

    /** {@code count} Pages; with {@code nonNumericId} the last one gets an id the product must refuse. */
    public static List<SandboxPage> seed(int count, boolean nonNumericId) {
        List<SandboxPage> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = nonNumericId && i == count - 1
                    ? NON_NUMERIC_PAGE_ID
                    : Long.toString(FIRST_ID + i * ID_STEP);
            pages.add(page(i, id));
        }
        return List.copyOf(pages);
    }

    private static SandboxPage page(int index, String id) {
        Store store = STORES.get(index % STORES.size());
        int round = index / STORES.size();
        String city = CITIES.get(index % CITIES.size());
        String name = round == 0 ? store.name() : store.name() + " — " + city + " Branch " + round;
        String slug = name.replaceAll("[^A-Za-z0-9]", "");
        return new SandboxPage(
                id,
                name,
                store.category(),
                store.about(),
                store.about() + " Order through Messenger; we reply within the hour.",
                "https://" + slug.toLowerCase(Locale.ROOT) + ".example.ph",
                String.format(Locale.ROOT, "+63 917 %03d %04d", 100 + index % 900, 1000 + index),
                List.of("orders@" + slug.toLowerCase(Locale.ROOT) + ".example.ph"),
                openingHours(),
                new SandboxPage.Location("Unit " + (index + 1) + ", 12 Rizal Avenue", city,
                        "Philippines", String.format(Locale.ROOT, "%04d", 1000 + index),
                        14.5995 + index * 0.01, 120.9842 + index * 0.01),
                "https://www.facebook.com/" + slug,
                "https://scontent.sandbox.invalid/v/t39.30808-1/" + slug + ".jpg",
                1200 + index * 37);
    }

    private static Map<String, String> openingHours() {
        Map<String, String> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat")) {
            hours.put(day + "_1_open", "09:00");
            hours.put(day + "_1_close", "18:00");
        }
        return hours;
    }
}

package dev.salesbot.sandbox.shopify.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cheap part of Shopify's search syntax for {@code products(query:)}: {@code updated_at} and
 * {@code created_at} comparisons (what an incremental sync uses), {@code status}, {@code vendor},
 * {@code product_type} and {@code tag}. Any other term is ignored, so it matches everything.
 */
final class ProductSearch {

    private static final Pattern TERM = Pattern.compile(
            "(-?)(\\w+):(<=|>=|<|>)?(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    private ProductSearch() {
    }

    static Predicate<CatalogProduct> parse(String query) {
        Predicate<CatalogProduct> all = p -> true;
        if (query == null || query.isBlank()) {
            return all;
        }
        Matcher m = TERM.matcher(query);
        while (m.find()) {
            String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
            Predicate<CatalogProduct> term = term(m.group(2).toLowerCase(Locale.ROOT), m.group(3), value);
            all = all.and(m.group(1).isEmpty() ? term : term.negate());
        }
        return all;
    }

    private static Predicate<CatalogProduct> term(String field, String operator, String value) {
        return switch (field) {
            case "updated_at" -> compare(operator, instant(value), CatalogProduct::updatedAt);
            case "created_at" -> compare(operator, instant(value), CatalogProduct::createdAt);
            case "status" -> p -> java.util.Arrays.stream(value.split(","))
                    .anyMatch(s -> s.trim().equalsIgnoreCase(p.status()));
            case "vendor" -> p -> p.vendor().equalsIgnoreCase(value);
            case "product_type" -> p -> p.productType().equalsIgnoreCase(value);
            case "tag" -> p -> p.tags().stream().anyMatch(t -> t.equalsIgnoreCase(value));
            default -> p -> true;
        };
    }

    private static Predicate<CatalogProduct> compare(String operator, Instant bound,
                                                     java.util.function.Function<CatalogProduct, Instant> field) {
        if (bound == null) {
            return p -> true;
        }
        String op = operator == null ? "=" : operator;
        return p -> {
            int c = field.apply(p).compareTo(bound);
            return switch (op) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> c == 0;
            };
        };
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}

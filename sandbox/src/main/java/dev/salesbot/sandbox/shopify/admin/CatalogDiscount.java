package dev.salesbot.sandbox.shopify.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A code discount of a seeded store. Its redeem codes are computed from their position rather
 * than stored, so a discount with thousands of codes costs no memory.
 *
 * @param kind          {@code DiscountCodeBasic}, {@code DiscountCodeBxgy} or {@code DiscountCodeFreeShipping}
 * @param percentage    0–1 for a percentage off, else null
 * @param amount        a fixed amount off, else null
 * @param collectionId  the collection the discount applies to (and, for BXGY, buys from), else all items
 * @param minimumSubtotal minimum purchase, else null
 */
record CatalogDiscount(
        long id,
        String kind,
        String title,
        String status,
        Instant createdAt,
        Instant startsAt,
        Instant endsAt,
        Double percentage,
        BigDecimal amount,
        Long collectionId,
        BigDecimal minimumSubtotal,
        int buyQuantity,
        int getQuantity,
        Integer usageLimit,
        boolean appliesOncePerCustomer,
        String firstCode,
        int codeCount,
        long firstCodeId) {

    /** One redeem code. */
    record RedeemCode(long id, String code, int asyncUsageCount) {
    }

    List<RedeemCode> codes() {
        return new Codes();
    }

    String summary(String currency) {
        String min = minimumSubtotal == null ? "" : " • Minimum purchase of " + money(minimumSubtotal, currency);
        String limit = appliesOncePerCustomer ? " • One use per customer" : "";
        return switch (kind) {
            case "DiscountCodeFreeShipping" -> "Free shipping on all products" + min + limit;
            case "DiscountCodeBxgy" -> "Buy " + buyQuantity + " items, get " + getQuantity + " item"
                    + (getQuantity == 1 ? "" : "s") + " at " + Math.round(percentage * 100) + "% off" + limit;
            default -> (percentage != null ? Math.round(percentage * 100) + "% off" : money(amount, currency) + " off")
                    + (collectionId == null ? " entire order" : " one collection") + min + limit;
        };
    }

    private static String money(BigDecimal value, String currency) {
        return ("USD".equals(currency) ? "$" : "") + value.setScale(2) + ("USD".equals(currency) ? "" : " " + currency);
    }

    private final class Codes extends AbstractList<RedeemCode> implements RandomAccess {
        @Override
        public RedeemCode get(int index) {
            if (index < 0 || index >= codeCount) {
                throw new IndexOutOfBoundsException(index);
            }
            String code = codeCount == 1 ? firstCode : firstCode + "-" + suffix(index);
            return new RedeemCode(firstCodeId + index, code, (int) ((firstCodeId + index * 7L) % 5));
        }

        @Override
        public int size() {
            return codeCount;
        }

        /** Eight letters and digits; an odd multiplier modulo 32^8 keeps them unique per discount. */
        private String suffix(int index) {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            long x = (index * 0x9E3779B97L + firstCodeId) & ((1L << 40) - 1);
            char[] out = new char[8];
            for (int i = 7; i >= 0; i--) {
                out[i] = alphabet.charAt((int) (x & 31));
                x >>>= 5;
            }
            return new String(out);
        }
    }
}

package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import dev.salesbot.sync.security.control.UnreadableToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The connections' sealed values as {@link TokenKeys} reads and re-seals them, one transaction per
 * call: a re-seal commits (or, when another server or a token refresh changed the row meanwhile,
 * fails on the row's version and is tried again later) on its own.
 */
@ApplicationScoped
public class SealedRows {

    /** A connection's row: its entity type and id. */
    public record Row(Class<? extends MerchantConnection> type, String id) {
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    @Inject
    TokenCipher cipher;

    /** How many stored values are sealed under the current key. */
    @Transactional
    public long underCurrentKey() {
        String current = currentPrefix();
        return em.createQuery("select count(c) from ShopifyConnection c where c.accessTokenSealed like :p", Long.class)
                .setParameter("p", current).getSingleResult()
                + em.createQuery("select count(c) from ShopifyConnection c where c.refreshTokenSealed like :p", Long.class)
                .setParameter("p", current).getSingleResult()
                + em.createQuery("select count(c) from FacebookPageConnection c where c.pageTokenSealed like :p", Long.class)
                .setParameter("p", current).getSingleResult();
    }

    /** Every connection holding a value not sealed under the current key. */
    @Transactional
    public List<Row> notUnderCurrentKey() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(notUnderCurrentKey(ShopifyConnection.class, "", Integer.MAX_VALUE));
        rows.addAll(notUnderCurrentKey(FacebookPageConnection.class, "", Integer.MAX_VALUE));
        return rows;
    }

    /** Up to {@code max} connections of {@code type} after the id {@code after}, in id order, holding a value not under the current key. */
    @Transactional
    public List<Row> notUnderCurrentKey(Class<? extends MerchantConnection> type, String after, int max) {
        String condition = type == ShopifyConnection.class
                ? "((c.accessTokenSealed is not null and c.accessTokenSealed not like :p)"
                + " or (c.refreshTokenSealed is not null and c.refreshTokenSealed not like :p))"
                : "c.pageTokenSealed is not null and c.pageTokenSealed not like :p";
        return em.createQuery("select c.id from " + type.getSimpleName() + " c where " + condition + " and c.id > :after order by c.id",
                        String.class)
                .setParameter("p", currentPrefix()).setParameter("after", after).setMaxResults(max).getResultList().stream()
                .map(id -> new Row(type, id)).toList();
    }

    /** The row's sealed values by context (empty when the row is gone). */
    @Transactional
    public Map<String, String> values(Row row) {
        MerchantConnection c = em.find(row.type(), row.id());
        return c == null ? Map.of() : c.sealedValues();
    }

    /** Up to {@code max} stored values of any connection, by context, for a quick check of the key. */
    @Transactional
    public List<Map.Entry<String, String>> sample(int max) {
        List<Map.Entry<String, String>> sample = new ArrayList<>();
        for (Class<? extends MerchantConnection> type : List.of(ShopifyConnection.class, FacebookPageConnection.class)) {
            for (MerchantConnection c : em.createQuery("select c from " + type.getSimpleName() + " c order by c.id", type)
                    .setMaxResults(max).getResultList()) {
                c.sealedValues().entrySet().stream().limit(Math.max(0, max - sample.size())).forEach(e -> sample.add(Map.entry(e.getKey(), e.getValue())));
            }
        }
        return sample;
    }

    /**
     * Seals the row's values again under the current key, in a transaction of its own; answers how
     * many it re-sealed. A value no configured key opens is left as it is.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int reseal(Row row) {
        MerchantConnection c = em.find(row.type(), row.id());
        if (c == null) {
            return 0;
        }
        int resealed = 0;
        for (Map.Entry<String, String> value : c.sealedValues().entrySet()) {
            if (cipher.underCurrentKey(value.getValue())) {
                continue;
            }
            try {
                c.reseal(value.getKey(), cipher.encrypt(cipher.decrypt(value.getValue(), value.getKey()), value.getKey()));
                resealed++;
            } catch (UnreadableToken e) {
                // The operator's to fix; counted as unreadable, tried again after the next key change.
            }
        }
        return resealed;
    }

    private String currentPrefix() {
        return "v2:" + cipher.currentKeyId() + ":%";
    }
}

package dev.salesbot.sync.facebook.graph;

import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Seals Page tokens for storage and opens them for a Graph call. The Page id is the cipher's
 * associated data, so a sealed token copied onto another Page's row does not open.
 */
@ApplicationScoped
public class PageTokens {

    @Inject
    TokenCipher cipher;

    public String seal(String pageId, AccessToken token) {
        return cipher.encrypt(token.value(), context(pageId));
    }

    public AccessToken open(FacebookPageConnection connection) {
        return new AccessToken(cipher.decrypt(connection.sealedPageToken(), context(connection.pageId())));
    }

    static String context(String pageId) {
        return FacebookPageConnection.sealContext(pageId);
    }
}

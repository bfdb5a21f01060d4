/**
 * Merchants and their connections.
 *
 * <p><b>Purpose.</b> A merchant is a UUID: the {@code users/<uuid>/} prefix of every object the
 * bot reads. {@link dev.salesbot.sync.merchants.boundary.MerchantSession} holds it in the
 * {@code HttpSession} so the Shopify and Facebook connects of one browser land under one UUID;
 * {@link dev.salesbot.sync.merchants.control.Connections} and
 * {@link dev.salesbot.sync.merchants.control.PageConnections} store what was connected (JPA, the
 * platform's default datasource).
 *
 * <p><b>Rules.</b> Tokens are stored only as {@code TokenCipher} ciphertext (columns
 * {@code *_SEALED}); no entity's {@code toString()} shows one. A shop keeps the UUID it was first
 * given, whichever browser connects it again. Ids are UUID strings (EclipseLink on H2 2.x cannot
 * use IDENTITY) and times are {@code OffsetDateTime} (not every JPA provider maps {@code Instant}).
 *
 * <p><b>Out of scope.</b> Disconnecting a store or a Page; merchant accounts and logins.
 */
package dev.salesbot.sync.merchants;

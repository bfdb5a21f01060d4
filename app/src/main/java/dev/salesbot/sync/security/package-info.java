/**
 * Signatures, OAuth states and token encryption: the only places secrets are handled.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>{@link dev.salesbot.sync.security.control.Hmac} is the one place in the product where
 *   signatures, secrets and session digests are compared, always with
 *   {@link java.security.MessageDigest#isEqual} (constant time).</li>
 *   <li>{@link dev.salesbot.sync.security.control.StateTokens}: an OAuth state is HMAC-signed with
 *   {@code STATE_TOKEN_SECRET} (≥ 32 characters), names its flow and subject, expires after 10
 *   minutes, carries a hash of the browser session id, and a nonce that the session's
 *   {@link dev.salesbot.sync.security.control.StateNonces} let be used once (kept in the database
 *   by {@code sessions}, so the callback may reach any server).
 *   {@code check} and {@code use} are the one check of a returning state both connects make;
 *   controls are handed the session's nonces as {@code StateNonces}, never the session.</li>
 *   <li>{@link dev.salesbot.sync.security.control.TokenCipher}: AES-256-GCM under
 *   {@code TOKEN_ENCRYPTION_KEY}, a fresh IV per value, and the connection as authenticated data so
 *   a ciphertext copied to another row does not open.</li>
 *   <li>A missing or weak secret fails with {@code RequiredSetting} naming the variable; there is
 *   never a default.</li>
 * </ul>
 *
 * <p><b>Out of scope.</b> Key rotation (a {@code v2:} prefix is the planned path). Which bytes a
 * platform signs, and how it encodes the signature: the platforms' webhook receipts, which compare
 * with {@code Hmac.matchesBase64} / {@code matchesHex}.
 */
package dev.salesbot.sync.security;

/**
 * JSON-P on one provider ({@link dev.salesbot.sync.json.Jsonp}): product code creates builders,
 * readers and writers through it, never through {@code jakarta.json.Json}'s static methods, which look
 * the provider up again on every call.
 */
package dev.salesbot.sync.json;

/**
 * JSON helpers that know nothing about the platforms.
 *
 * <p>{@link dev.salesbot.sync.json.Jsonp}: JSON-P on one provider; product code creates builders, parsers,
 * readers and writers through it, never through {@code jakarta.json.Json}'s static methods, which
 * look the provider up again on every call. {@link dev.salesbot.sync.json.CompactJson}: fetched JSON
 * copied into a compact, immutable form (an object is two arrays whose key array is shared by every
 * object of its shape; short repeated strings are stored once) that is equal to the provider's and
 * serialised the same way ({@code JsonTexts}). {@link dev.salesbot.sync.json.JsonPaths}: reading and
 * replacing a value at a key path inside immutable objects.
 */
package dev.salesbot.sync.json;

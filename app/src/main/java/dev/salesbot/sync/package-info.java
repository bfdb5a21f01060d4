/**
 * salesbot-sync: keeps a Messenger sales bot's JSON snapshot of a merchant's Shopify store and
 * Facebook Pages fresh in a DigitalOcean Spaces bucket (or a local directory).
 *
 * <p>Packaged by feature ({@code shopify}, {@code facebook}, {@code merchants}, {@code sync}, {@code webhooks},
 * {@code storage}, {@code security}, {@code problems}, {@code admin}, {@code monitoring}, …); inside a feature only the layers it
 * needs: {@code boundary} (JAX-RS, no logic), {@code control} (logic), {@code entity} (JPA and
 * records).
 *
 * <p>Rules that hold everywhere: configuration only through MicroProfile Config with the
 * environment names of the tutorial; no secret has a default; tokens never leave the server and
 * are never logged; product code never imports {@code dev.salesbot.sandbox}, which it reaches only
 * through configured base URLs.
 */
package dev.salesbot.sync;

/**
 * salesbot-sync: keeps a Messenger sales bot's JSON snapshot of a merchant's Shopify store and
 * Facebook Pages fresh in a DigitalOcean Spaces bucket (or a local directory).
 *
 * <p>Packaged by feature; inside a feature only the layers it needs: {@code boundary} (JAX-RS and
 * the session, no logic), {@code control} (logic), {@code entity} (JPA and values), and for the two
 * platforms one sub-package per sub-feature. Each package's {@code package-info.java} is its spec.
 * Dependencies point down only: the README's tour lists which package may import which.
 *
 * <p>Rules that hold everywhere: configuration only through MicroProfile Config with the
 * environment names of the tutorial; no secret has a default; tokens never leave the server and
 * are never logged; controls never take a JAX-RS response, a session-scoped bean or a problem
 * exception; product code never imports {@code dev.salesbot.sandbox}, which it reaches only
 * through configured base URLs.
 */
package dev.salesbot.sync;

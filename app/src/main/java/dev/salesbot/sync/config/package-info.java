/**
 * Configuration: MicroProfile Config only, under the tutorial's environment names.
 *
 * <p><b>Rules.</b> Secrets have no default. A missing one is reported at start-up by
 * {@link dev.salesbot.sync.config.ConfigurationCheck} (every missing name at once) and on use by
 * {@link dev.salesbot.sync.config.RequiredSetting}, whose message names the variable and never a
 * value. {@code SANDBOX_ENABLED=true} is logged as a warning.
 *
 * <p>Also the one clock the servers share, the database's
 * ({@link dev.salesbot.sync.config.DatabaseClock}): leases, failed logins, browser sessions and
 * shared bucket reports are timed by it, never by a server's own clock.
 */
package dev.salesbot.sync.config;

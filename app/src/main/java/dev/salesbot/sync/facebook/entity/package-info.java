/**
 * {@link dev.salesbot.sync.facebook.entity.FacebookDataDeletion}: a data-deletion request as Meta's
 * status page shows it: its confirmation code, counts and times, nothing about the user.
 */
package dev.salesbot.sync.facebook.entity;
